import Foundation

/// The decoders of what a synced device can drop, as the package's one public surface: the fuzz
/// package (`Fuzz/`) drives them from outside this package. Each throws what the daemon reports.
public enum InboxDecoders {
    private static let utc = TimeZone(secondsFromGMT: 0) ?? .current

    /// A generation request (`inbox/requests/`), with `musicLibrary` as the music on disk.
    public static func decodeRequest(_ data: Data, displayName: String, musicLibrary: [String]) throws {
        _ = try GenerationRequest.decode(data: data, displayName: displayName, musicLibrary: musicLibrary) { _ in true }
    }

    /// A trends file (`inbox/trends/`), counted on `ingestDay` when a trend has no date.
    public static func decodeTrends(_ data: Data, displayName: String, ingestDay: Date) throws {
        _ = try TrendsFile.decode(
            data: data, displayName: displayName, ingestDay: CalendarDay.day(of: ingestDay, in: utc))
    }

    /// An analytics file (`inbox/analytics/`): our CSV or YAML, or TikTok Studio's export.
    public static func decodeAnalytics(_ data: Data, file: String, isYAML: Bool, ingestDay: Date) throws {
        _ = try AnalyticsFile.decode(
            data: data, file: file, isYAML: isYAML, ingestDay: CalendarDay.day(of: ingestDay, in: utc))
    }

    /// `reelsmith.yaml`, read with no environment.
    public static func loadSettings(_ file: URL) throws {
        _ = try Configuration.load(file: file, environment: [:])
    }
}
