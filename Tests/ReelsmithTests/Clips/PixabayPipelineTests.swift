import Foundation
import Testing

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

/// Pixabay end to end (issue 9): `engines.clips` on a `kind: pixabay` provider, against the local
/// stand-in answering in Pixabay's documented shape (`hits[].videos.{large,medium,small,tiny}`
/// with `url`, `width`, `height`, `size`; `user`, `user_id`, `pageURL`), files served from
/// 127.0.0.1 as Pixabay's CDN serves them (directly, no redirect). Serialized: it renders video.
@Suite(.serialized) struct PixabayPipelineTests {
    private static func hits(root: String) -> [LocalProviderServer.Response.StockVideo] {
        [(201, "Clara Pix"), (202, "Jo Frames"), (203, "Sam Stock")].map { id, author in
            .init(
                id: id, author: author, durationSeconds: 6,
                files: [
                    (2160, 3840, "\(root)/cdn/\(id)-large.mp4"), (1080, 1920, "\(root)/cdn/\(id)-medium.mp4"),
                    (540, 960, "\(root)/cdn/\(id)-small.mp4"), (360, 640, "\(root)/cdn/\(id)-tiny.mp4"),
                ])
        }
    }

    @Test func pixabayClipsAreProbedRenderedCreditedAndCachedAndAnEmptyAnswerLeavesStills() async throws {
        let workspace = try TestSupport.makeWorkspace()
        let files = try StockClipsTests.clips([(201, .red), (202, .green), (203, .blue)])
        let server = try LocalProviderServer { _ in .error(500, "not ready") }
        let root = server.rootURL
        server.respond { request in
            if request.path.hasPrefix("/videos/?") { return .pixabayVideos(Self.hits(root: root)) }
            let name = (request.path as NSString).lastPathComponent
            if request.path.hasPrefix("/cdn/"), let data = files[Int(name.prefix(while: \.isNumber)) ?? 0] {
                return .file(data)
            }
            return .error(404, "no such file")
        }
        let pipeline = try StockClipsTests.pipeline(workspace, server: server, kind: "pixabay")
        let published = try await pipeline.run(
            requestFile: try StockClipsTests.request(workspace, topic: "the morning workout"))
        let report = try JSONFiles.read(
            GenerationReport.self, from: published.folder.appendingPathComponent("report.json"))
        let plan = try #require(report.clips)

        // Asked as Pixabay documents it: the key as the `key` parameter (never a header), the
        // scene's English term in `q`, `lang=en`.
        let searches = server.requests.filter { $0.path.hasPrefix("/videos/?") }
        #expect(searches.count == 3)
        for search in searches {
            let query = StockClipsTests.query(search)
            #expect(query["key"] == ProviderFixtures.secret && query["lang"] == "en" && query["safesearch"] == "true")
            #expect(search.headers["authorization"] == nil)
            #expect(plan.scenes.contains { $0.terms.first == query["q"] }, "unexpected query \(query)")
        }
        // Each scene its own hit; the medium (1080×1920) rendition downloaded, not 4K, without the key.
        #expect(plan.scenes.map(\.source) == ["stock", "stock", "stock"])
        #expect(plan.scenes.compactMap(\.credit?.id) == ["201", "202", "203"])
        let downloads = server.requests.filter { $0.path.hasPrefix("/cdn/") }
        #expect(
            downloads.map(\.path).sorted() == ["/cdn/201-medium.mp4", "/cdn/202-medium.mp4", "/cdn/203-medium.mp4"])
        #expect(
            downloads.allSatisfy { !$0.path.contains(ProviderFixtures.secret) && $0.headers["authorization"] == nil })
        // Probed: the length is the file's (6 s), and the file is cached by provider kind and id.
        #expect(plan.scenes.allSatisfy { abs(($0.durationSeconds ?? 0) - 6) < 0.1 })
        for id in [201, 202, 203] {
            let cached = workspace.state.appendingPathComponent("clips/pixabay/\(id).mp4")
            #expect(try Data(contentsOf: cached) == files[id])
            #expect(plan.scenes.contains { $0.clip == cached.path })
        }
        // Credited from Pixabay's own fields: `user`, `user_id` (the author's page), `pageURL`.
        let credit = try #require(plan.scenes.first?.credit)
        #expect(credit.provider == "stock" && credit.author == "Clara Pix")
        #expect(credit.authorURL == "https://pixabay.com/users/clara-pix-2201/")
        #expect(credit.url == "https://pixabay.com/videos/test-201/")
        #expect(credit.licence == "Pixabay Content License")
        #expect(credit.licenceURL == "https://pixabay.com/service/license-summary/")
        #expect(report.spend?.first { $0.model == "videos" }?.requests == 3)
        #expect(report.spend?.first { $0.model == "download" }?.requests == 3)
        // Rendered: each scene shows its clip, moving.
        let video = published.folder.appendingPathComponent("video.mp4")
        let timings = try JSONFiles.read(
            VoiceTimings.self, from: published.folder.appendingPathComponent("timings.json"))
        let bounds = timings.sceneStarts(sceneCount: 3) + [timings.durationSeconds]
        for (scene, tint) in [ClipFixtures.Tint.red, .green, .blue].enumerated() {
            let colour = try ClipFixtures.meanColour(of: video, at: (bounds[scene] + bounds[scene + 1]) / 2)
            #expect(ClipFixtures.tint(of: colour) == tint, "scene \(scene + 1): \(colour)")
        }
        let probe = try Probe.of(video)
        #expect(probe.video?.width == 1080 && probe.video?.height == 1920)

        // A second video reusing the clips downloads nothing.
        let second = try await pipeline.run(
            requestFile: try StockClipsTests.request(workspace, topic: "ten push ups a day"))
        #expect(server.requests.filter { $0.path.hasPrefix("/cdn/") }.count == downloads.count)
        #expect(second.report.clips?.scenes.map(\.source) == ["stock", "stock", "stock"])

        // An empty answer (`hits: []`): the stills, no warning, the video made.
        server.respond { _ in .pixabayVideos([]) }
        let empty = try await pipeline.run(
            requestFile: try StockClipsTests.request(workspace, topic: "stretching at the desk"))
        let emptyPlan = try #require(empty.report.clips)
        #expect(emptyPlan.scenes.map(\.source) == ["still", "still", "still"])
        #expect(emptyPlan.warnings.isEmpty)
        #expect(try Probe.of(empty.folder.appendingPathComponent("video.mp4")).video?.height == 1920)

        // The key is in no published file.
        let enumerator = FileManager.default.enumerator(at: workspace.outbox, includingPropertiesForKeys: nil)
        for case let file as URL in enumerator! where !file.hasDirectoryPath {
            #expect(
                try Data(contentsOf: file).range(of: Data(ProviderFixtures.secret.utf8)) == nil, "key in \(file.path)")
        }
    }
}
