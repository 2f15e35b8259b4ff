import Foundation
import LocalProviderServer
import Testing

@testable import Reelsmith

/// Stock clips from Pexels and Pixabay (issue 9), against the local stand-in serving their
/// documented answers and the files: what is sent, what is downloaded (once), what is credited,
/// and a 429 or an empty answer. Serialized: they render video.
@Suite(.serialized) struct StockClipsTests {
    static let keyVariable = "REELSMITH_TEST_PEXELS_KEY"

    /// Counts down: the first `count` calls say yes.
    final class Countdown: @unchecked Sendable {
        private let lock = NSLock()
        private var left: Int
        init(_ count: Int) { left = count }
        func take() -> Bool {
            lock.withLock {
                left -= 1
                return left >= 0
            }
        }
    }

    private func clips() throws -> [Int: Data] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reelsmith-stock-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [Int: Data] = [:]
        for (id, tint) in [(101, ClipFixtures.Tint.red), (102, .green), (103, .blue)] {
            let url = try ClipFixtures.movingClip(
                tint, width: 360, height: 640, seconds: 6, at: folder.appendingPathComponent("\(id).mp4"))
            files[id] = try Data(contentsOf: url)
        }
        return files
    }

    private static func videos(root: String) -> [LocalProviderServer.Response.StockVideo] {
        [101, 102, 103].map { id in
            .init(
                id: id, author: "Author \(id)", durationSeconds: 6,
                files: [
                    (2160, 3840, "\(root)/files/\(id)-uhd.mp4"), (1080, 1920, "\(root)/files/\(id)-hd.mp4"),
                    (540, 960, "\(root)/files/\(id)-sd.mp4"),
                ])
        }
    }

    /// Searches answer `search`; `/files/ID-…` redirects to `/cdn/ID.mp4`, which serves the bytes.
    private func serve(
        _ server: LocalProviderServer, files: [Int: Data],
        search: @escaping @Sendable (LocalProviderServer.Request) -> LocalProviderServer.Response
    ) {
        let root = server.rootURL
        server.respond { request in
            if request.path.hasPrefix("/videos/search") || request.path.hasPrefix("/videos/?") {
                return search(request)
            }
            let name = (request.path as NSString).lastPathComponent
            let id = Int(name.prefix(while: \.isNumber)) ?? 0
            if request.path.hasPrefix("/files/") { return .redirect(to: "\(root)/cdn/\(id).mp4") }
            if request.path.hasPrefix("/cdn/"), let data = files[id] { return .file(data) }
            return .error(404, "no such file")
        }
    }

    private func pipeline(
        _ workspace: Workspace, server: LocalProviderServer, kind: String = "pexels", retries: Int = 2
    ) throws -> GenerationPipeline {
        let root = workspace.inbox.deletingLastPathComponent()
        let settings = root.appendingPathComponent("reelsmith.yaml")
        try Data(
            """
            providers:
              stock:
                kind: \(kind)
                base_url: \(server.rootURL)
                api_key_env: \(Self.keyVariable)
                max_retries: \(retries)
            engines:
              clips: { provider: stock }
            """.utf8
        ).write(to: settings)
        let configuration = try Configuration.load(
            file: settings, environment: [Self.keyVariable: ProviderFixtures.secret])
        return GenerationPipeline(
            workspace: workspace, configuration: configuration, index: try LearningIndex(url: workspace.indexFile))
    }

    private func request(_ workspace: Workspace, topic: String) throws -> URL {
        try TestSupport.write(
            "niche: fitness\ntopic: \(topic)\nlanguage: en\nduration: 15\nimages: 3\n",
            to: workspace.inbox.appendingPathComponent("requests"), name: "\(Slug.make(topic)).yaml")
    }

    private static func query(_ request: LocalProviderServer.Request) -> [String: String] {
        let items = URLComponents(string: "http://x" + request.path)?.queryItems ?? []
        return Dictionary(items.map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { first, _ in first })
    }

    @Test func pexelsClipsAreSearchedByTermDownloadedOnceWithoutTheKeyAndCredited() async throws {
        let workspace = try TestSupport.makeWorkspace()
        let server = try LocalProviderServer { _ in .error(500, "not ready") }
        let files = try clips()
        let root = server.rootURL
        let firstIsLimited = Countdown(1)
        serve(server, files: files) { _ in
            firstIsLimited.take()
                ? .error(429, "slow down", headers: ["Retry-After": "0"]) : .pexelsVideos(Self.videos(root: root))
        }
        let pipeline = try pipeline(workspace, server: server)
        let published = try await pipeline.run(requestFile: try request(workspace, topic: "the morning workout"))
        let report = try JSONFiles.read(
            GenerationReport.self, from: published.folder.appendingPathComponent("report.json"))
        let plan = try #require(report.clips)

        // Asked: each scene's first term, portrait, the key alone in `Authorization`; the 429 retried.
        let searches = server.requests.filter { $0.path.hasPrefix("/videos/search") }
        #expect(searches.count == 4)
        for search in searches {
            let query = Self.query(search)
            #expect(query["orientation"] == "portrait")
            #expect(search.headers["authorization"] == ProviderFixtures.secret)
            #expect(plan.scenes.contains { $0.terms.first == query["query"] }, "unexpected query \(query)")
        }
        // Each scene a different result; the 1080×1920 file (not 4K, not 540 p), fetched once,
        // through the redirect, never with the key.
        #expect(plan.scenes.map(\.source) == ["stock", "stock", "stock"])
        #expect(plan.scenes.compactMap(\.credit?.id) == ["101", "102", "103"])
        let downloads = server.requests.filter { $0.path.hasPrefix("/files/") || $0.path.hasPrefix("/cdn/") }
        #expect(
            downloads.map(\.path).sorted() == [
                "/cdn/101.mp4", "/cdn/102.mp4", "/cdn/103.mp4", "/files/101-hd.mp4", "/files/102-hd.mp4",
                "/files/103-hd.mp4",
            ])
        #expect(downloads.allSatisfy { $0.headers["authorization"] == nil })
        for id in ["101", "102", "103"] {
            let cached = workspace.state.appendingPathComponent("clips/pexels/\(id).mp4")
            #expect(try Data(contentsOf: cached) == files[Int(id)!])
        }
        // Credited as the licence asks.
        let credit = try #require(plan.scenes.first?.credit)
        #expect(credit.author == "Author 101" && credit.authorURL == "https://www.pexels.com/@author101")
        #expect(credit.url == "https://www.pexels.com/video/test-101/" && credit.licence == "Pexels License")
        #expect(report.engines?["clips"] == "stock + clip library")
        // What it cost: 4 search requests (the 429 included) and 3 downloads, in `spend`.
        let spend = report.spend ?? []
        #expect(spend.first { $0.model == "videos/search" }?.requests == 4)
        #expect(spend.first { $0.model == "download" }?.requests == 3)
        #expect(spend.allSatisfy { $0.stage == "clips" && $0.provider == "stock" })
        // The first scene shows the first result.
        let timings = try JSONFiles.read(
            VoiceTimings.self, from: published.folder.appendingPathComponent("timings.json"))
        let middle = timings.sceneStarts(sceneCount: 3)[1] / 2
        let colour = try ClipFixtures.meanColour(of: published.folder.appendingPathComponent("video.mp4"), at: middle)
        #expect(ClipFixtures.tint(of: colour) == .red, "\(colour)")

        // A second video using the same clips downloads nothing.
        _ = try await pipeline.run(requestFile: try request(workspace, topic: "ten push ups a day"))
        let downloadsAfter = server.requests.filter { $0.path.hasPrefix("/files/") || $0.path.hasPrefix("/cdn/") }
        #expect(downloadsAfter.count == downloads.count)
        #expect(server.requests.filter { $0.path.hasPrefix("/videos/search") }.count > searches.count)

        // The key is in no published file.
        for folder in [workspace.outbox] {
            let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
            for case let file as URL in enumerator! where !file.hasDirectoryPath {
                #expect(
                    try Data(contentsOf: file).range(of: Data(ProviderFixtures.secret.utf8)) == nil,
                    "key in \(file.path)")
            }
        }
    }

    @Test func anEmptyAnswerOrALastingRateLimitLeavesTheStillsAndTheVideoIsMade() async throws {
        let workspace = try TestSupport.makeWorkspace()
        let server = try LocalProviderServer { _ in .pexelsVideos([]) }
        let pipeline = try pipeline(workspace, server: server, retries: 1)
        let first = try await pipeline.run(requestFile: try request(workspace, topic: "the morning workout"))
        let plan = try #require(first.report.clips)
        #expect(plan.scenes.map(\.source) == ["still", "still", "still"])
        #expect(plan.scenes.allSatisfy { $0.reason == "no clip matches the terms: the still" })
        // Every term of every scene was tried.
        #expect(server.requests.count == plan.scenes.map(\.terms.count).reduce(0, +))
        #expect(FileManager.default.fileExists(atPath: first.folder.appendingPathComponent("video.mp4").path))

        server.respond { _ in .error(429, "quota exceeded", headers: ["Retry-After": "0"]) }
        let second = try await pipeline.run(requestFile: try request(workspace, topic: "ten push ups a day"))
        let limited = try #require(second.report.clips)
        #expect(limited.scenes.map(\.source) == ["still", "still", "still"])
        #expect(limited.warnings.count == 1)
        #expect(limited.warnings.contains { $0.contains("provider `stock`") && $0.contains("429") })
        // Given up after the first search's retries: not asked again for the other scenes.
        #expect(server.requests.count == plan.scenes.map(\.terms.count).reduce(0, +) + 2)
        #expect(try Probe.of(second.folder.appendingPathComponent("video.mp4")).video?.height == 1920)
    }

    @Test func pixabayGetsTheKeyAsItsQueryParameterAndTheBestRenditionIsChosen() async throws {
        let server = try LocalProviderServer { _ in .error(500, "not ready") }
        let root = server.rootURL
        server.respond { request in
            if request.path.hasPrefix("/videos/?") {
                return .pixabayVideos([
                    .init(
                        id: 7, author: "Pix Author", durationSeconds: 9,
                        files: [
                            (3840, 2160, "\(root)/files/7-large.mp4"), (1920, 1080, "\(root)/files/7-medium.mp4"),
                            (1280, 720, "\(root)/files/7-small.mp4"),
                        ])
                ])
            }
            return .file(Data("not really a video".utf8))
        }
        var settings = ProviderSettings(
            name: "pix", kind: .pixabay, baseURL: URL(string: root)!,
            key: .environment("PIXABAY_KEY", value: ProviderFixtures.secret))
        settings.maxRetries = 0
        let state = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reelsmith-pixabay-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        let source = PixabayClipSource(client: ProviderClient(settings: settings), cache: StockClipCache(state: state))
        let results = try await source.search(term: "city night")

        let search = try #require(server.requests.first)
        let query = Self.query(search)
        #expect(query["key"] == ProviderFixtures.secret && query["q"] == "city night")
        #expect(search.headers["authorization"] == nil)
        let clip = try #require(results.first)
        #expect(clip.fileURL.absoluteString == "\(root)/files/7-medium.mp4" && clip.width == 1920)
        #expect(clip.credit.author == "Pix Author" && clip.credit.url == "https://pixabay.com/videos/test-7/")
        #expect(clip.credit.licence == "Pixabay Content License")

        let file = try await source.fetch(clip)
        #expect(file.path == state.appendingPathComponent("clips/pixabay/7.mp4").path)
        let download = try #require(server.requests.last)
        #expect(download.path == "/files/7-medium.mp4" && download.headers["authorization"] == nil)
        #expect(!download.path.contains(ProviderFixtures.secret))
    }

    @Test func doctorSearchesTheStockProviderOnceAndNamesTheKeyNotItsValue() async throws {
        let server = try LocalProviderServer { request in
            request.headers["authorization"] == ProviderFixtures.secret ? .pexelsVideos([]) : .error(401, "bad key")
        }
        var settings = ProviderSettings(
            name: "pexels", kind: .pexels, baseURL: URL(string: server.rootURL)!,
            key: .environment("PEXELS_API_KEY", value: ProviderFixtures.secret))
        var engines = EngineSettings()
        engines.clips = .provider("pexels")
        let doctor = Doctor(workspace: try TestSupport.makeWorkspace(), engines: engines)
        let good = await doctor.check(settings)
        #expect(
            good.isOK && good.detail.contains("the key in PEXELS_API_KEY accepted")
                && good.detail.contains("used by engines.clips"), "\(good)")
        settings.key = .environment("PEXELS_API_KEY", value: "wrong")
        let refused = await doctor.check(settings)
        #expect(!refused.isOK && refused.detail.contains("refused (401)"), "\(refused)")
        #expect(server.requests.first.map { Self.query($0)["query"] } == "nature")
        #expect(!good.detail.contains(ProviderFixtures.secret) && !refused.detail.contains("wrong"))
    }
}
