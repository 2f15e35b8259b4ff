import Foundation

/// Downloaded stock clips, kept under the state folder by provider kind and id
/// (`.reelsmith/clips/pexels/123.mp4` and its `123.json`): a second video that uses a clip
/// downloads nothing (issue 9).
struct StockClipCache: Sendable {
    let state: URL
    /// A download larger than this is cut off and refused.
    static let maximumDownloadBytes = 150 << 20

    func file(for clip: StockClip) -> URL {
        state.appendingPathComponent("clips/\(clip.kind)/\(Self.safeName(clip.id)).mp4")
    }

    /// The cached file, when a whole download is there.
    func cached(_ clip: StockClip) -> URL? {
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

    /// Provider ids are numbers; anything else is reduced to a safe file name.
    static func safeName(_ id: String) -> String {
        let kept = id.unicodeScalars.filter { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-") }
        let name = String(String.UnicodeScalarView(kept.prefix(64)))
        return name.isEmpty ? "clip" : name
    }

    /// The clip's file from the cache, or downloaded by `client` (without the key) and stored; the
    /// download's requests and seconds go to `onUsage`.
    func fetch(
        _ clip: StockClip, with client: ProviderClient, onUsage: @Sendable (ProviderUsage) -> Void
    ) async throws -> URL {
        if let cached = cached(clip) { return cached }
        let exchange: ProviderClient.Exchange
        do {
            exchange = try await client.download(clip.fileURL, limitBytes: Self.maximumDownloadBytes, stage: "clips")
        } catch let error as ProviderError {
            onUsage(ProviderUsage(stage: "clips", provider: client.name, model: "download", requests: error.attempts))
            throw error
        }
        onUsage(
            ProviderUsage(
                stage: "clips", provider: client.name, model: "download", requests: exchange.attempts,
                seconds: exchange.seconds))
        return try store(exchange.reply.body, for: clip)
    }
}
