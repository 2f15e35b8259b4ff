import Foundation
import Logging
import Testing

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

/// What `visuals:` does to a plan (issue 9): `images` never looks for clips, `auto` shows a clip
/// only where one matches, `clips` takes an unused one when none matches; and the order in which
/// a stock provider is asked.
@Suite struct ClipStageTests {
    /// A clips stage over a fresh project's library and a Pexels stand-in at `root`, no retries.
    static func pexelsStage(root: String) throws -> ClipStage {
        var settings = ProviderSettings(
            name: "pexels", kind: .pexels, baseURL: URL(string: root)!,
            key: .environment("PEXELS_KEY", value: ProviderFixtures.secret))
        settings.maxRetries = 0
        let workspace = try ClipFixtures.workspaceWithOwnTemplates()
        let stage = ClipStage(
            library: ClipLibrary(
                assets: workspace.templates.appendingPathComponent("assets"),
                index: try LearningIndex(url: workspace.indexFile), ffprobe: "ffprobe"),
            stock: PexelsClipSource(
                client: ProviderClient(settings: settings), cache: StockClipCache(state: workspace.state)),
            logger: Logger(label: "test"))
        return stage
    }

    private func scenes() -> [Script.Scene] {
        [
            Script.Scene(index: 1, narration: "One.", keyPhrase: "Ocean sunrise", imagePrompt: "x"),
            Script.Scene(index: 2, narration: "Two.", keyPhrase: "Quantum taxes", imagePrompt: "x"),
        ]
    }

    private func stage() async throws -> ClipStage {
        let workspace = try ClipFixtures.workspaceWithOwnTemplates()
        let folder = ClipFixtures.assets(workspace, "travel")
        try ClipFixtures.movingClip(
            .blue, width: 1080, height: 1920, seconds: 2, at: folder.appendingPathComponent("ocean.mp4"))
        try ClipFixtures.movingClip(
            .red, width: 1080, height: 1920, seconds: 2, at: folder.appendingPathComponent("mountain.mp4"))
        return ClipStage(
            library: ClipLibrary(
                assets: workspace.templates.appendingPathComponent("assets"),
                index: try LearningIndex(url: workspace.indexFile),
                ffprobe: "ffprobe"),
            stock: nil, logger: Logger(label: "test"))
    }

    private func plan(_ stage: ClipStage, _ visuals: VisualsMode) async throws -> ClipPlan {
        try await stage.plan(
            scenes: scenes(), sceneSeconds: [3, 3], visuals: visuals, folders: ["travel", "_all"], nicheTerms: [],
            stopwords: [], language: .en)
    }

    @Test func visualsDecideWhereClipsGo() async throws {
        let stage = try await stage()
        let images = try await plan(stage, .images)
        #expect(images.scenes.map(\.source) == ["still", "still"])
        #expect(images.scenes.map(\.terms) == [["ocean sunrise"], ["quantum taxes"]])

        let auto = try await plan(stage, .auto)
        #expect(auto.scenes.map { $0.clip.map { ($0 as NSString).lastPathComponent } } == ["ocean.mp4", nil])
        #expect(auto.scenes[1].reason == "no clip matches the terms: the still")

        let clips = try await plan(stage, .clips)
        #expect(
            clips.scenes.map { $0.clip.map { ($0 as NSString).lastPathComponent } } == ["ocean.mp4", "mountain.mp4"])
        #expect(clips.scenes[1].reason.hasPrefix("visuals: clips"))
        #expect(clips.sceneClips.count == 2)
    }

    @Test func aStockProviderIsAskedTheModelsTermsFirstAndNeverTheCallToAction() async throws {
        let server = try LocalProviderServer { _ in .pexelsVideos([]) }
        let stage = try Self.pexelsStage(root: server.rootURL)
        let scenes = [
            Script.Scene(
                index: 1, narration: "Blend it.", keyPhrase: "Blend a green smoothie", imagePrompt: "x",
                searchTerms: ["green smoothie", "kitchen blender"]),
            Script.Scene(
                index: 2, narration: "Follow for part two.", keyPhrase: "Follow for part two", imagePrompt: "x"),
        ]
        let queries = { server.requests.map { StockClipsTests.query($0) } }
        let english = try await stage.plan(
            scenes: scenes, sceneSeconds: [3, 3], visuals: .auto, folders: ["fitness"],
            nicheTerms: ["gym workout", "healthy food"], stopwords: ["for", "a"], language: .en,
            callToAction: "Follow for part two!")
        #expect(
            queries().compactMap { $0["query"] } == [
                // scene 1: the model's, the niche's…
                "green smoothie", "kitchen blender", "gym workout", "blend green",
                // scene 2: the call to action's scene, the niche's only
                "healthy food",
            ])
        #expect(queries().allSatisfy { $0["locale"] == "en-US" })
        #expect(
            english.scenes.map(\.terms) == [
                ["green smoothie", "kitchen blender", "gym workout", "blend green", "smoothie"],
                ["healthy food"],
            ])

        // In French, a model's (English) terms still lead; the French key phrase is never sent.
        let sent = server.requests.count
        let french = try await stage.plan(
            scenes: [
                Script.Scene(
                    index: 1, narration: "Mixe tout.", keyPhrase: "Un smoothie vert énergisant", imagePrompt: "x",
                    searchTerms: ["green smoothie"])
            ], sceneSeconds: [3], visuals: .auto, folders: ["fitness"], nicheTerms: ["gym workout", "healthy food"],
            stopwords: ["un"], language: .fr, callToAction: "Abonne-toi !")
        #expect(
            queries().dropFirst(sent).compactMap { $0["query"] } == ["green smoothie", "gym workout"])
        #expect(french.scenes[0].terms.suffix(2) == ["smoothie vert", "energisant"])
    }

    @Test func failedDownloadsCostTheirSceneAtMostTwoTriesAndLaterScenesStillAsk() async throws {
        let server = try LocalProviderServer { _ in .error(500, "not ready") }
        let root = server.rootURL
        server.respond { request in
            if request.path.hasPrefix("/videos/search") {
                return .pexelsVideos(
                    [1, 2, 3].map {
                        .init(id: $0, author: "A", durationSeconds: 5, files: [(1080, 1920, "\(root)/files/\($0).mp4")])
                    })
            }
            return .error(404, "gone")
        }
        let stage = try Self.pexelsStage(root: root)
        let plan = try await stage.plan(
            scenes: [
                Script.Scene(index: 1, narration: "One.", keyPhrase: "", imagePrompt: "x"),
                Script.Scene(index: 2, narration: "Two.", keyPhrase: "", imagePrompt: "x"),
            ], sceneSeconds: [3, 3], visuals: .auto, folders: ["fitness"], nicheTerms: ["city night"], stopwords: [],
            language: .en)
        // Scene 1 gives up after two failed files; scene 2 searches again and tries only the third.
        #expect(server.requests.filter { $0.path.hasPrefix("/videos/search") }.count == 2)
        #expect(
            server.requests.filter { $0.path.hasPrefix("/files/") }.map(\.path) == [
                "/files/1.mp4", "/files/2.mp4", "/files/3.mp4",
            ])
        #expect(plan.scenes.map(\.source) == ["still", "still"])
        #expect(plan.scenes.allSatisfy { $0.reason.hasPrefix("pexels: the clips found failed to download") })
        #expect(plan.warnings.count == 3)
        #expect(
            plan.warnings.allSatisfy { $0.contains("the file's server refused it (404)") && $0.hasSuffix("; skipped") })
    }

    @Test func aStockSceneGetsOneClipPerExpectedShot() {
        #expect(ClipStage.expectedShots(sceneSeconds: 3, shotSeconds: 4) == 1)
        #expect(ClipStage.expectedShots(sceneSeconds: 5, shotSeconds: 4) == 2)
        #expect(ClipStage.expectedShots(sceneSeconds: 9, shotSeconds: 4) == 3)
        #expect(ClipStage.expectedShots(sceneSeconds: 0, shotSeconds: 4) == 1)
        #expect(ClipStage.expectedShots(sceneSeconds: .nan, shotSeconds: 4) == 1)
        #expect(ClipStage.expectedShots(sceneSeconds: 1e300, shotSeconds: 2) == 12)
    }

    @Test func aLongStockSceneTakesMoreOfItsResultsAfterEverySceneHasItsOwnWithinItsFailureBudget() async throws {
        let server = try LocalProviderServer { _ in .error(500, "not ready") }
        let root = server.rootURL
        let files = try StockClipsTests.clips([(1, .red), (3, .green), (4, .blue), (7, .yellow)])
        server.respond { request in
            if request.path.hasPrefix("/videos/search") {
                return .pexelsVideos(
                    (1...7).map {
                        .init(
                            id: $0, author: "A\($0)", durationSeconds: 6,
                            files: [(1080, 1920, "\(root)/files/\($0).mp4")])
                    })
            }
            let id = Int((request.path as NSString).lastPathComponent.prefix(while: \.isNumber)) ?? 0
            return files[id].map { .file($0) } ?? .error(404, "gone")
        }
        let stage = try Self.pexelsStage(root: root)
        let plan = try await stage.plan(
            scenes: [
                Script.Scene(index: 1, narration: "One.", keyPhrase: "", imagePrompt: "x"),
                Script.Scene(index: 2, narration: "Two.", keyPhrase: "", imagePrompt: "x"),
            ], sceneSeconds: [12, 3], visuals: .auto, folders: ["fitness"], nicheTerms: ["city night"], stopwords: [],
            language: .en)
        // Scene 1 (12 s: 4 shots of 4 s) takes 1; scene 2 (one shot) 3 after 2 fails. Then scene 1's
        // extras from the same answer: 2 (failed) and 3 (scene 2's) passed over, 4 taken, 5 and 6
        // fail — its budget of two — so 7 is never fetched. One search per scene.
        #expect(server.requests.filter { $0.path.hasPrefix("/videos/search") }.count == 2)
        #expect(
            server.requests.filter { $0.path.hasPrefix("/files/") }.map(\.path) == [
                "/files/1.mp4", "/files/2.mp4", "/files/3.mp4", "/files/4.mp4", "/files/5.mp4", "/files/6.mp4",
            ])
        #expect(plan.scenes.map { $0.credit?.id } == ["1", "3"])
        #expect(plan.scenes[0].alternates?.map { $0.credit?.id } == ["4"])
        #expect(plan.scenes[0].alternates?.first?.durationSeconds ?? 0 > 5)
        #expect(plan.scenes[1].alternates == nil)
        #expect(plan.warnings.count == 3, "\(plan.warnings)")
        #expect(plan.warnings.allSatisfy { $0.contains("(404)") && $0.hasSuffix("; skipped") })
        #expect(plan.sceneClips.count == 2)
    }
}
