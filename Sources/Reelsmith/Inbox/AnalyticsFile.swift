import Foundation

/// An analytics file (DESIGN §1) read and checked row by row: our CSV, TikTok Studio's
/// `Content.csv` export, or YAML. A broken structure (not UTF-8, an unclosed quote, an unknown or
/// missing column) fails the whole file; a bad row is listed in `problems` and the others count.
public struct AnalyticsFile: Sendable {
    public enum Format: String, Sendable, Codable {
        /// `video_id,views,likes,shares,comments[,revenue][,date][,tiktok_id]`
        case reelsmithCSV = "csv"
        /// TikTok Studio's per-video export, `Content.csv`.
        case tiktokContent = "tiktok"
        case yaml
    }

    public var format: Format
    public var rows: [AnalyticsRow]
    public var problems: [RowProblem]

    /// Decodes `data`; `file` is the name used in messages, `ingestDay` the day a row without a
    /// date is counted on (and the reference for TikTok's year-less days).
    public static func decode(data: Data, file: String, isYAML: Bool, ingestDay: CalendarDay) throws(InputError) -> AnalyticsFile {
        if isYAML {
            return try AnalyticsYAMLDecoder.decode(YAMLDocument.parse(data: data, displayName: file), ingestDay: ingestDay)
        }
        let table = try CSVTable.parse(data: data, file: file)
        if TikTokContentDecoder.recognizes(header: table.header.fields) {
            return try TikTokContentDecoder.decode(table, file: file, ingestDay: ingestDay)
        }
        return try AnalyticsCSVDecoder.decode(table, file: file, ingestDay: ingestDay)
    }

    /// A header cell as compared with the known names: trimmed, lowercased, accent-free, `_` for spaces.
    static func columnKey(_ name: String) -> String {
        Slug.fold(name).replacingOccurrences(of: " ", with: "_")
    }
}
