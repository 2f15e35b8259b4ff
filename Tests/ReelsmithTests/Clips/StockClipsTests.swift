import Foundation
import Synchronization
import Testing

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

/// Stock clips from Pexels and Pixabay (issue 9), against the local stand-in serving their
/// documented answers and the files: what is sent, what is downloaded (once), what is credited,
/// and a 429 or an empty answer. Serialized: they render video.
@Suite(.serialized) struct StockClipsTests {
    static let keyVariable = "REELSMITH_TEST_PEXELS_KEY"

    /// Counts down: the first `count` calls say yes.
    final class Countdown: Sendable {
        private let left: Mutex<Int>
        init(_ count: Int) { left = Mutex(count) }
        func take() -> Bool {
            left.withLock {
                $0 -= 1
                return $0 >= 0
            }
        }
    }

    /// Small moving clips (360×640, 6 s), one tint per id: 101 red, 102 green, 103 blue by default.
    static func clips(
        _ tints: [(Int, ClipFixtures.Tint)] = [(101, .red), (102, .green), (103, .blue)]
    ) throws -> [Int: Data] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reelsmith-stock-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [Int: Data] = [:]
        for (id, tint) in tints {
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

    /// A pipeline whose `engines.clips` is the provider `stock` of `kind` at the stand-in; with
    /// `shotSeconds`, `render.shot_seconds` is set and the video rendered small (540×960, 15 fps,
    /// as PacingTests do: shot lengths do not depend on the size).
    static func pipeline(
        _ workspace: Workspace, server: LocalProviderServer, kind: String = "pexels", retries: Int = 2,
        timeoutSeconds: Double? = nil, shotSeconds: Double? = nil
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
                max_retries: \(retries)\(timeoutSeconds.map { "\n    timeout_seconds: \($0)" } ?? "")
            engines:
              clips: { provider: stock }\(shotSeconds.map { "\nrender:\n  shot_seconds: \($0)" } ?? "")
            """.utf8
        ).write(to: settings)
        var configuration = try Configuration.load(
            file: settings, environment: [Self.keyVariable: ProviderFixtures.secret])
        if let shotSeconds {
            #expect(configuration.render.shotSeconds == shotSeconds)
            configuration.render.width = 540
            configuration.render.height = 960
            configuration.render.framesPerSecond = 15
        }
        return GenerationPipeline(
            workspace: workspace, configuration: configuration, index: try LearningIndex(url: workspace.indexFile))
    }

    static func request(_ workspace: Workspace, topic: String, language: Language = .en) throws -> URL {
        try TestSupport.write(
            "niche: fitness\ntopic: \(topic)\nlanguage: \(language.rawValue)\nduration: 15\nimages: 3\n",
            to: workspace.inbox.appendingPathComponent("requests"), name: "\(Slug.make(topic)).yaml")
    }

    static func query(_ request: LocalProviderServer.Request) -> [String: String] {
        let items = URLComponents(string: "http://x" + request.path)?.queryItems ?? []
        return Dictionary(items.map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { first, _ in first })
    }

    @Test func pexelsClipsAreSearchedByTermDownloadedOnceWithoutTheKeyAndCredited() async throws {
        let workspace = try TestSupport.makeWorkspace()
        let server = try LocalProviderServer { _ in .error(500, "not ready") }
        let files = try Self.clips()
        let root = server.rootURL
        let firstIsLimited = Countdown(1)
        serve(server, files: files) { _ in
            firstIsLimited.take()
                ? .error(429, "slow down", headers: ["Retry-After": "0"]) : .pexelsVideos(Self.videos(root: root))
        }
        let pipeline = try Self.pipeline(workspace, server: server)
        let published = try await pipeline.run(requestFile: try Self.request(workspace, topic: "the morning workout"))
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
        #expect(spend.allSatisfy { $0.stage == .clips && $0.provider == "stock" })
        // The first scene shows the first result.
        let timings = try JSONFiles.read(
            VoiceTimings.self, from: published.folder.appendingPathComponent("timings.json"))
        let middle = timings.sceneStarts(sceneCount: 3)[1] / 2
        let colour = try ClipFixtures.meanColour(of: published.folder.appendingPathComponent("video.mp4"), at: middle)
        #expect(ClipFixtures.tint(of: colour) == .red, "\(colour)")

        // A second video using the same clips downloads nothing.
        _ = try await pipeline.run(requestFile: try Self.request(workspace, topic: "ten push ups a day"))
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
        let pipeline = try Self.pipeline(workspace, server: server, retries: 1)
        let first = try await pipeline.run(requestFile: try Self.request(workspace, topic: "the morning workout"))
        let plan = try #require(first.report.clips)
        #expect(plan.scenes.map(\.source) == ["still", "still", "still"])
        #expect(plan.scenes.allSatisfy { $0.reason == "no clip matches the terms: the still" })
        // Every term of every scene was tried.
        #expect(server.requests.count == plan.scenes.map(\.terms.count).reduce(0, +))
        #expect(FileManager.default.fileExists(atPath: first.folder.appendingPathComponent("video.mp4").path))

        server.respond { _ in .error(429, "quota exceeded", headers: ["Retry-After": "0"]) }
        let second = try await pipeline.run(requestFile: try Self.request(workspace, topic: "ten push ups a day"))
        let limited = try #require(second.report.clips)
        #expect(limited.scenes.map(\.source) == ["still", "still", "still"])
        #expect(limited.warnings.count == 1)
        #expect(limited.warnings.contains { $0.contains("provider `stock`") && $0.contains("429") })
        // Given up after the first search's retries: not asked again for the other scenes.
        #expect(server.requests.count == plan.scenes.map(\.terms.count).reduce(0, +) + 2)
        #expect(try Probe.of(second.folder.appendingPathComponent("video.mp4")).video?.height == 1920)
    }

    @Test func searchesSendTheNichesEnglishTermsFirstAndNoFrenchWord() async throws {
        let workspace = try TestSupport.makeWorkspace()
        let clipTerms = try #require(
            try TemplateLibrary.load(from: workspace.templates).template(niche: "fitness", language: .en).clipTerms)
        // Empty answers: every term of every scene is sent, in order.
        let server = try LocalProviderServer { _ in .pexelsVideos([]) }
        let pipeline = try Self.pipeline(workspace, server: server, retries: 0)
        let searches = { server.requests.filter { $0.path.hasPrefix("/videos/search") }.map(Self.query) }

        // French: only the niche's English term for each scene; never the key phrase's words
        // (`routine matin`), folded or not, nor the call to action's (`abonne`).
        let french = try await pipeline.run(
            requestFile: try Self.request(workspace, topic: "la routine du matin", language: .fr))
        let frenchReport = try JSONFiles.read(
            GenerationReport.self, from: french.folder.appendingPathComponent("report.json"))
        let frenchPlan = try #require(frenchReport.clips)
        let frenchQueries = searches().compactMap { $0["query"] }
        #expect(frenchQueries == Array(clipTerms.prefix(3)))
        #expect(searches().allSatisfy { $0["locale"] == "en-US" && $0["orientation"] == "portrait" })
        for (position, scene) in frenchPlan.scenes.enumerated() {
            // report.json: the terms searched first, then the French words kept for the library.
            #expect(scene.terms.first == clipTerms[position], "\(scene.terms)")
            #expect(scene.reason == "no clip matches the terms: the still")
        }
        let script = try JSONFiles.read(Script.self, from: french.folder.appendingPathComponent("script.json"))
        let stopwords = try TemplateLibrary.load(from: workspace.templates).foldedStopwords.values.reduce(
            into: Set<String>()
        ) { $0.formUnion($1) }
        for (scene, choice) in zip(script.scenes, frenchPlan.scenes)
        where SceneSearchTerms.echoes(scene.keyPhrase, callToAction: script.callToAction, stopwords: stopwords) {
            #expect(choice.terms.count == 1, "the call to action gave terms: \(choice.terms)")
        }
        #expect(frenchPlan.scenes.contains { $0.terms.count > 1 }, "the library gets the key phrase's words")

        // English: the niche's terms first, then the key phrase's words, all sent.
        let before = searches().count
        let english = try await pipeline.run(requestFile: try Self.request(workspace, topic: "the morning workout"))
        let englishPlan = try #require(english.report.clips)
        let englishQueries = searches().dropFirst(before).compactMap { $0["query"] }
        #expect(englishQueries == englishPlan.scenes.flatMap(\.terms))
        for (position, scene) in englishPlan.scenes.enumerated() {
            #expect(scene.terms.first == clipTerms[position], "\(scene.terms)")
            #expect(scene.terms.count <= SceneSearchTerms.maximumStockTerms)
        }
        #expect(englishPlan.scenes.contains { $0.terms.count > 1 }, "the key phrase's words are searched in English")
    }

    @Test func aDownloadThatStallsFailsOrBreaksOffSkipsThatClipOnly() async throws {
        let workspace = try TestSupport.makeWorkspace()
        let files = try Self.clips([(104, .red), (105, .green), (106, .blue)])
        let sample = try #require(files[104])
        let server = try LocalProviderServer { _ in .error(500, "not ready") }
        let root = server.rootURL
        // Each scene's first unused result is broken, the next one works.
        let search = LocalProviderServer.Response.pexelsVideos(
            [101, 104, 102, 105, 103, 106].map { id in
                .init(
                    id: id, author: "Author \(id)", durationSeconds: 6,
                    files: [(1080, 1920, "\(root)/files/\(id)-hd.mp4")])
            })
        server.respond { request in
            if request.path.hasPrefix("/videos/search") { return search }
            let id = Int((request.path as NSString).lastPathComponent.prefix(while: \.isNumber)) ?? 0
            if request.path.hasPrefix("/files/") { return .redirect(to: "\(root)/cdn/\(id).mp4") }
            switch id {
            case 101: return .file(sample).paced(.stall(afterBytes: 4096, seconds: 30))
            case 102: return .error(500, "the CDN failed")
            case 103: return .file(sample).paced(.cutOff(afterBytes: sample.count / 2))
            default: return files[id].map { .file($0) } ?? .error(404, "no such file")
            }
        }
        let pipeline = try Self.pipeline(workspace, server: server, retries: 1, timeoutSeconds: 1)
        let published = try await pipeline.run(requestFile: try Self.request(workspace, topic: "the morning workout"))
        let report = try JSONFiles.read(
            GenerationReport.self, from: published.folder.appendingPathComponent("report.json"))
        let plan = try #require(report.clips)

        #expect(plan.scenes.map(\.source) == ["stock", "stock", "stock"])
        #expect(plan.scenes.compactMap(\.credit?.id) == ["104", "105", "106"])
        // One warning per broken clip, naming it, its host and file; the provider never given up:
        // one search per scene, and a broken clip is not tried again by a later scene.
        let host = "127.0.0.1:\(server.port)"
        for (id, said) in [(101, "the download stalled (nothing for 1 s)"), (102, "(500)"), (103, "broke off")] {
            #expect(
                plan.warnings.contains {
                    $0.hasPrefix(
                        "stock clip \(id) (\(host)/…/\(id)-hd.mp4, page https://www.pexels.com/video/test-\(id)/)")
                        && $0.contains(said) && $0.hasSuffix("; skipped")
                }, "\(plan.warnings)")
        }
        #expect(plan.warnings.count == 3, "\(plan.warnings)")
        #expect(server.requests.filter { $0.path.hasPrefix("/videos/search") }.count == 3)
        for id in [101, 102, 103] {
            // Two attempts each (one retry), and nothing kept.
            #expect(server.requests(path: "/cdn/\(id).mp4").count == 2)
            #expect(
                !FileManager.default.fileExists(
                    atPath: workspace.state.appendingPathComponent("clips/pexels/\(id).mp4").path))
        }
        // The video shows the working clips, each in its scene.
        let timings = try JSONFiles.read(
            VoiceTimings.self, from: published.folder.appendingPathComponent("timings.json"))
        let bounds = timings.sceneStarts(sceneCount: 3) + [timings.durationSeconds]
        let video = published.folder.appendingPathComponent("video.mp4")
        for (scene, tint) in [ClipFixtures.Tint.red, .green, .blue].enumerated() {
            let colour = try ClipFixtures.meanColour(of: video, at: (bounds[scene] + bounds[scene + 1]) / 2)
            #expect(ClipFixtures.tint(of: colour) == tint, "scene \(scene + 1): \(colour)")
        }
    }

    @Test func aLongSceneCutsBetweenSeveralCreditedResultsOfItsOneSearch() async throws {
        let workspace = try TestSupport.makeWorkspace()
        // Flat tints (a moving square on each), one per working result: 104's file fails.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reelsmith-stock-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        let tints: [Int: ClipFixtures.Tint] = [
            101: .red, 102: .green, 103: .blue, 105: .yellow, 106: .cyan, 107: .magenta,
        ]
        var files: [Int: Data] = [:]
        for (id, tint) in tints {
            files[id] = try Data(
                contentsOf: try ClipFixtures.flatClip(
                    tint, width: 360, height: 640, seconds: 8, at: folder.appendingPathComponent("\(id).mp4")))
        }
        let served = files
        let server = try LocalProviderServer { _ in .error(500, "not ready") }
        let root = server.rootURL
        let search = LocalProviderServer.Response.pexelsVideos(
            (101...107).map { id in
                .init(
                    id: id, author: "Author \(id)", durationSeconds: 8,
                    files: [(1080, 1920, "\(root)/files/\(id)-hd.mp4")])
            })
        server.respond { request in
            if request.path.hasPrefix("/videos/search") { return search }
            let id = Int((request.path as NSString).lastPathComponent.prefix(while: \.isNumber)) ?? 0
            if request.path.hasPrefix("/files/") { return .redirect(to: "\(root)/cdn/\(id).mp4") }
            return served[id].map { .file($0) } ?? .error(500, "the CDN failed")
        }
        let pipeline = try Self.pipeline(workspace, server: server, retries: 0, shotSeconds: 2)
        let published = try await pipeline.run(requestFile: try Self.request(workspace, topic: "the morning workout"))
        let report = try JSONFiles.read(
            GenerationReport.self, from: published.folder.appendingPathComponent("report.json"))
        let plan = try #require(report.clips)

        // Each scene its own first result, then one more of the same answer in turns (scene 1
        // passes over the failed 104): two distinct clips per scene, none shared, each credited.
        #expect(plan.scenes.map(\.source) == ["stock", "stock", "stock"])
        let ids = plan.scenes.map { scene in
            ([scene.credit] + (scene.alternates ?? []).map(\.credit)).map { $0?.id ?? "uncredited" }
        }
        #expect(ids == [["101", "105"], ["102", "106"], ["103", "107"]], "\(plan.scenes)")
        for alternate in plan.scenes.flatMap({ $0.alternates ?? [] }) {
            let credit = try #require(alternate.credit)
            #expect(
                credit.author == "Author \(credit.id)"
                    && credit.url == "https://www.pexels.com/video/test-\(credit.id)/")
            #expect(
                credit.licence == "Pexels License" && credit.authorURL == "https://www.pexels.com/@author\(credit.id)")
            #expect(alternate.clip == workspace.state.appendingPathComponent("clips/pexels/\(credit.id).mp4").path)
        }
        #expect(plan.credits.map(\.id) == ["101", "105", "102", "106", "103", "107"])
        #expect(plan.scenes[0].reason.hasSuffix(", and 1 more of its results to cut to"), "\(plan.scenes[0].reason)")
        // In report.json as written: every shown clip's credit, the alternates' in snake_case.
        let written = try String(contentsOf: published.folder.appendingPathComponent("report.json"), encoding: .utf8)
        for id in 101...107 where id != 104 { #expect(written.contains("https://www.pexels.com/@author\(id)")) }
        #expect(written.contains("\"licence_url\""))

        // One search per scene; the failed file asked once (no retries), named, never cached.
        #expect(server.requests.filter { $0.path.hasPrefix("/videos/search") }.count == 3)
        #expect(server.requests(path: "/cdn/104.mp4").count == 1)
        #expect(plan.warnings.count == 1, "\(plan.warnings)")
        #expect(
            plan.warnings.first.map {
                $0.hasPrefix("stock clip 104 (") && $0.contains("(500)") && $0.hasSuffix("; skipped")
            }
                == true, "\(plan.warnings)")
        #expect(
            !FileManager.default.fileExists(atPath: workspace.state.appendingPathComponent("clips/pexels/104.mp4").path)
        )

        // The video, measured from its frames: each scene cut between its two clips, never the
        // same one twice in a row.
        let video = published.folder.appendingPathComponent("video.mp4")
        let timings = try JSONFiles.read(
            VoiceTimings.self, from: published.folder.appendingPathComponent("timings.json"))
        let sceneStarts = timings.sceneStarts(sceneCount: 3)
        let shots = try ShotMeasure.of(video, durationSeconds: timings.durationSeconds)
        let bounds = [0] + shots.cuts + [timings.durationSeconds]
        var shown: [[ClipFixtures.Tint?]] = [[], [], []]
        var sequence: [ClipFixtures.Tint?] = []
        for (start, end) in zip(bounds, bounds.dropFirst()) {
            let middle = (start + end) / 2
            let tint = ClipFixtures.tint(
                of: try ClipFixtures.meanColour(of: video, at: middle, crop: "270:200:135:100"))
            sequence.append(tint)
            shown[(sceneStarts.lastIndex { $0 <= middle } ?? 0)].append(tint)
        }
        let expected: [Set<ClipFixtures.Tint>] = [[.red, .yellow], [.green, .cyan], [.blue, .magenta]]
        for scene in 0..<3 {
            #expect(Set(shown[scene].compactMap { $0 }) == expected[scene], "scene \(scene + 1): \(shown[scene])")
        }
        #expect(zip(sequence, sequence.dropFirst()).allSatisfy { $0 != $1 }, "\(sequence) at \(shots.cuts)")
        #expect(shots.cuts.count >= 5, "\(shots.cuts), scenes at \(sceneStarts)")
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
                        ]),
                    // Its announced sizes pass the 150 MB limit but for the small one: that one is chosen.
                    .init(
                        id: 8, author: "Big Files", durationSeconds: 9,
                        files: [
                            (3840, 2160, "\(root)/files/8-large.mp4"), (1920, 1080, "\(root)/files/8-medium.mp4"),
                            (1280, 720, "\(root)/files/8-small.mp4"),
                        ], sizes: [400 << 20, 160 << 20, 20 << 20]),
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
        #expect(results.count == 2 && results[1].fileURL.absoluteString == "\(root)/files/8-small.mp4")
        #expect(query["lang"] == "en")

        let file = try await source.fetch(clip)
        #expect(file.path == state.appendingPathComponent("clips/pixabay/7.mp4").path)
        let download = try #require(server.requests.last)
        #expect(download.path == "/files/7-medium.mp4" && download.headers["authorization"] == nil)
        #expect(!download.path.contains(ProviderFixtures.secret))
    }

    @Test func aDownloadTakesAsLongAsItKeepsArrivingButAStallIsDroppedAndNothingIsCached() async throws {
        let payload = Data((0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let server = try LocalProviderServer { request in
            switch request.path {
            // 16 pieces 0.5 s apart: ~8 s in all, far past `timeout_seconds` (and URLSession's own timer).
            case "/slow.mp4": .file(payload).paced(.trickle(chunkBytes: 64 << 10, pauseSeconds: 0.5))
            case "/stall.mp4": .file(payload).paced(.stall(afterBytes: 100_000, seconds: 30))
            default: .error(404, "no such file")
            }
        }
        var settings = ProviderSettings(
            name: "stock", kind: .pexels, baseURL: URL(string: server.rootURL)!,
            key: .environment("PEXELS_KEY", value: ProviderFixtures.secret))
        settings.timeoutSeconds = 1
        settings.maxRetries = 0
        let client = ProviderClient(settings: settings)
        let slow = try await client.download(
            URL(string: "\(server.rootURL)/slow.mp4")!, limitBytes: StockClipCache.maximumDownloadBytes, stage: .clips)
        #expect(slow.reply.body == payload)

        let state = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reelsmith-stall-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: state) }
        let cache = StockClipCache(state: state)
        let clip = StockClip(
            kind: "pexels", id: "9", fileURL: URL(string: "\(server.rootURL)/stall.mp4")!, width: 1080, height: 1920,
            credit: ClipCredit(
                provider: "stock", id: "9", author: "A", url: "https://www.pexels.com/video/9/",
                licence: "Pexels License",
                licenceURL: "https://www.pexels.com/license/"))
        do {
            _ = try await cache.fetch(clip, with: client, onUsage: { _ in })
            Issue.record("a stalled download was accepted")
        } catch let error as ProviderError {
            #expect(error.reason == .timeout)
            #expect(error.problem.contains("stalled (nothing for 1 s) or fell below 64 KB/s"), "\(error.problem)")
        }
        #expect(cache.cached(clip) == nil)
        #expect(!FileManager.default.fileExists(atPath: cache.file(for: clip).path))
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
