import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// Stock clips from Pexels (issue 9): `GET /videos/search?query=…&orientation=portrait&locale=en-US`,
/// the key in the `Authorization` header (ProviderClient puts it there for `kind: pexels`); the file
/// is downloaded without it. Terms are English (``SceneSearchTerms``), and `locale` says so. Pexels' licence asks for no attribution but welcomes it: the report credits
/// the author and the page.
struct PexelsClipSource: ClipSource {
    package let client: ProviderClient
    package let cache: StockClipCache
    /// Every exchange's requests and seconds (searches and downloads), for `spend` and `reelsmith status`.
    var onUsage: @Sendable (ProviderUsage) -> Void = { _ in }
    static let perPage = 15

    package var name: String { client.name }

    package func search(term: String) async throws -> [StockClip] {
        let exchange: ProviderClient.Exchange
        do {
            exchange = try await client.send(
                "GET", "videos/search",
                query: [
                    URLQueryItem(name: "query", value: term), URLQueryItem(name: "orientation", value: "portrait"),
                    URLQueryItem(name: "locale", value: "en-US"),
                    URLQueryItem(name: "per_page", value: "\(Self.perPage)"),
                ], stage: .clips)
        } catch let error as ProviderError {
            onUsage(ProviderUsage(stage: .clips, provider: name, model: "videos/search", requests: error.attempts))
            throw error
        }
        onUsage(
            ProviderUsage(
                stage: .clips, provider: name, model: "videos/search", requests: exchange.attempts,
                seconds: exchange.seconds))
        let answer: PexelsVideoSearch
        do {
            answer = try JSONDecoder().decode(PexelsVideoSearch.self, from: exchange.reply.body)
        } catch {
            throw ProviderError(
                .invalidAnswer, provider: name, stage: .clips,
                problem: "the answer is not Pexels' video search (\(DecodingProblem.describe(error)))",
                fix: "check `base_url` (https://api.pexels.com), or set engines.clips to offline")
        }
        return answer.videos.compactMap { video in
            let files = video.videoFiles.filter {
                ($0.width ?? 0) > 0 && ($0.height ?? 0) > 0 && ($0.fileType ?? "video/mp4") == "video/mp4"
                    && URL(string: $0.link)?.scheme.map { ["http", "https"].contains($0.lowercased()) } == true
            }
            guard let file = StockClip.bestFile(files, width: { $0.width ?? 0 }, height: { $0.height ?? 0 }),
                let link = URL(string: file.link)
            else { return nil }
            return StockClip(
                kind: "pexels", id: String(video.id), fileURL: link, width: file.width ?? 0, height: file.height ?? 0,
                durationSeconds: video.duration,
                credit: ClipCredit(
                    provider: name, id: String(video.id), author: video.user.name, authorURL: video.user.url,
                    url: video.url,
                    licence: "Pexels License", licenceURL: "https://www.pexels.com/license/"))
        }
    }

    package func fetch(_ clip: StockClip) async throws -> URL {
        try await cache.fetch(clip, with: client, onUsage: onUsage)
    }
}
