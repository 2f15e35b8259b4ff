import CDispatch
// `stat` is declared by Glibc, CoreFoundation and CDispatch alike; which one a file sees first
// varies, so all three are imported (MemberImportVisibility).
import CoreFoundation
import Foundation
import Glibc
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// Downloaded stock clips, kept under the state folder by provider kind and id
/// (`.reelsmith/clips/pexels/123.mp4` and its `123.json`): a second video that uses a clip
/// downloads nothing (issue 9).
package struct StockClipCache: Sendable {
    package let state: URL

    package init(state: URL) {
        self.state = state
    }
    /// A download larger than this is cut off and refused.
    static let maximumDownloadBytes = 150 << 20
    /// A download slower than this on average (after its first `timeout_seconds`) is given up.
    static var minimumBytesPerSecond: Int {
        guard case .throughput(let bytes) = HTTPTransfers.Pace.download else { return 0 }
        return bytes
    }

    package func file(for clip: StockClip) -> URL {
        state.appendingPathComponent("clips/\(clip.kind)/\(Self.safeName(clip.id)).mp4")
    }

    /// The cached file, when a whole download is there.
    package func cached(_ clip: StockClip) -> URL? {
        let url = file(for: clip)
        var info = stat()
        guard lstat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size > 0 else { return nil }
        return url
    }

    /// Stores a download whole (temp file, then rename) with its description beside it.
    func store(_ data: Data, for clip: StockClip) throws -> URL {
        let folder = try ProjectFolder(
            state.appendingPathComponent("clips/\(Self.safeName(clip.kind))"), under: state)
        _ = try folder.write(try JSONFiles.encoder.encode(clip), as: Self.safeName(clip.id) + ".json")
        return try folder.write(data, as: Self.safeName(clip.id) + ".mp4")
    }

    /// Removes a cached clip and its description (a file that downloaded but does not probe as video
    /// would otherwise be found again, and skipped again, by every later video).
    static func discard(_ file: URL) {
        try? FileManager.default.removeItem(at: file)
        try? FileManager.default.removeItem(at: file.deletingPathExtension().appendingPathExtension("json"))
    }

    /// Provider ids are numbers; anything else is reduced to a safe file name.
    static func safeName(_ id: String) -> String {
        let kept = id.unicodeScalars.filter { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-") }
        let name = String(String.UnicodeScalarView(kept.prefix(64)))
        return name.isEmpty ? "clip" : name
    }

    /// The clip's file from the cache, or downloaded by `client` (without the key) and stored; the
    /// download's requests and seconds go to `onUsage`. A download is paced, not timed: it may
    /// take as long as it keeps arriving (see ``HTTPTransfers/Pace/download``).
    package func fetch(
        _ clip: StockClip, with client: ProviderClient, onUsage: @Sendable (ProviderUsage) -> Void
    ) async throws -> URL {
        if let cached = cached(clip) { return cached }
        let exchange: ProviderClient.Exchange
        do {
            exchange = try await client.download(clip.fileURL, limitBytes: Self.maximumDownloadBytes, stage: .clips)
        } catch var error as ProviderError {
            onUsage(ProviderUsage(stage: .clips, provider: client.name, model: "download", requests: error.attempts))
            // The provider's messages speak of its API (its address, a whole-answer deadline); a
            // download has its own host and is paced.
            let attempts = error.attempts > 1 ? " (\(error.attempts) attempts)" : ""
            switch error.reason {
            case .timeout:
                let silence = ProviderClient.format(client.settings.timeoutSeconds)
                error.problem =
                    "the download stalled (nothing for \(silence) s) or fell below \(Self.minimumBytesPerSecond >> 10) KB/s"
                    + attempts
                error.fix = "the clip is skipped; raise `timeout_seconds` for this provider if the line is slow"
            case .unreachable:
                error.problem = "the file's server could not be reached or the download broke off" + attempts
                error.fix = "the clip is skipped; check the connection if every download fails"
            case .rejected(let status), .keyRefused(let status):
                // A download carries no key: a 403 or 404 is the file's server refusing that file.
                error.problem = "the file's server refused it (\(status))" + attempts
                error.fix = "the clip is skipped"
            default:
                break
            }
            throw error
        }
        onUsage(
            ProviderUsage(
                stage: .clips, provider: client.name, model: "download", requests: exchange.attempts,
                seconds: exchange.seconds))
        return try store(exchange.reply.body, for: clip)
    }
}
