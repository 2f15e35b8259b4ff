import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// Stock clips from Pixabay (issue 9): `GET /api/videos/?key=…&q=…&lang=en` (Pixabay takes the key
/// only as a query parameter; ProviderClient adds it for `kind: pixabay`, and it is scrubbed from
/// any message). Terms are English (``SceneSearchTerms``), and `lang` says so. Pixabay has no
/// orientation filter for videos: portrait renditions are preferred by the ranking of the file,
/// and a rendition whose announced `size` passes the download limit is not chosen. Its licence asks for no attribution; the report credits the author
/// and the page anyway.
struct PixabayClipSource: ClipSource {
    package let client: ProviderClient
    package let cache: StockClipCache
    /// Every exchange's requests and seconds (searches and downloads), for `spend` and `reelsmith status`.
    var onUsage: @Sendable (ProviderUsage) -> Void = { _ in }
    static let perPage = 20

    package var name: String { client.name }

    package func search(term: String) async throws -> [StockClip] {
        let exchange: ProviderClient.Exchange
        do {
            exchange = try await client.send(
                "GET", "videos/",
                query: [
                    URLQueryItem(name: "q", value: String(term.prefix(100))), URLQueryItem(name: "lang", value: "en"),
                    URLQueryItem(name: "safesearch", value: "true"),
                    URLQueryItem(name: "per_page", value: "\(Self.perPage)"),
                ], stage: .clips)
        } catch var error as ProviderError {
            onUsage(ProviderUsage(stage: .clips, provider: name, model: "videos", requests: error.attempts))
            // The key travels in the address: no message may repeat an address.
            if let key = try? client.settings.key.key() {
                error.problem = error.problem.replacingOccurrences(of: key.secret, with: "<redacted>")
                error.serverMessage = error.serverMessage?.replacingOccurrences(of: key.secret, with: "<redacted>")
            }
            throw error
        }
        onUsage(
            ProviderUsage(
                stage: .clips, provider: name, model: "videos", requests: exchange.attempts, seconds: exchange.seconds)
        )
        let answer: PixabayVideoSearch
        do {
            answer = try JSONDecoder().decode(PixabayVideoSearch.self, from: exchange.reply.body)
        } catch {
            throw ProviderError(
                .invalidAnswer, provider: name, stage: .clips,
                problem: "the answer is not Pixabay's video search (\(DecodingProblem.describe(error)))",
                fix: "check `base_url` (https://pixabay.com/api), or set engines.clips to offline")
        }
        return answer.hits.compactMap { hit in
            let files = hit.videos.all.filter {
                URL(string: $0.url)?.scheme.map { ["http", "https"].contains($0.lowercased()) } == true
                    && ($0.size ?? 0) <= StockClipCache.maximumDownloadBytes
            }
            guard let file = StockClip.bestFile(files, width: \.width, height: \.height),
                let link = URL(string: file.url)
            else { return nil }
            return StockClip(
                kind: "pixabay", id: String(hit.id), fileURL: link, width: file.width, height: file.height,
                durationSeconds: hit.duration,
                credit: ClipCredit(
                    provider: name, id: String(hit.id), author: hit.user,
                    authorURL: hit.userId.map { "https://pixabay.com/users/\(Slug.make(hit.user))-\($0)/" },
                    url: hit.pageURL,
                    licence: "Pixabay Content License", licenceURL: "https://pixabay.com/service/license-summary/"))
        }
    }

    package func fetch(_ clip: StockClip) async throws -> URL {
        try await cache.fetch(clip, with: client, onUsage: onUsage)
    }
}
