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

@Suite struct ConfigurationTests {
    private func file(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reelsmith-\(UUID().uuidString).yaml")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func noFileMeansTheOfflineDefaults() throws {
        let configuration = try Configuration.load(
            file: URL(fileURLWithPath: "/nonexistent/reelsmith.yaml"), environment: [:])
        #expect(configuration.render == RenderSettings())
        #expect(configuration.watch == WatchSettings())
        #expect(configuration.tools.ffmpeg == "ffmpeg")
    }

    @Test func theFileSetsRenderWatchAndFont() throws {
        let font = Tools().fontFile
        let url = try file(
            "render:\n  preset: faster\n  crf: 23\n  music_volume_db: -20\nwatch:\n  settle_seconds: 2.5\n  renders: 2\nfont: \(font)\n"
        )
        let configuration = try Configuration.load(file: url, environment: [:])
        #expect(configuration.render.preset == "faster" && configuration.render.crf == 23)
        #expect(configuration.render.musicVolumeDB == -20)
        #expect(configuration.watch.settleSeconds == 2.5 && configuration.watch.renderConcurrency == 2)
        #expect(configuration.watch.rescanSeconds == WatchSettings().rescanSeconds)
        #expect(configuration.tools.fontFile == font)
    }

    @Test func theFileSetsTheMotionAndItsStrength() throws {
        #expect(RenderSettings().motion == .mixed && RenderSettings().motionStrength == 0.06)
        let configuration = try Configuration.load(
            file: try file("render:\n  motion: pan\n  motion_strength: 0.1\n"), environment: [:])
        #expect(configuration.render.motion == .pan && configuration.render.motionStrength == 0.1)
        let still = try Configuration.load(file: try file("render:\n  motion: none\n"), environment: [:])
        #expect(still.render.motion == Motion.none && still.render.motionStrength == 0.06)
    }

    @Test func aNewSceneCutsUnlessACrossfadeIsAskedFor() throws {
        #expect(RenderSettings().sceneTransition == .cut)
        let configuration = try Configuration.load(
            file: try file("render:\n  scene_transition: crossfade\n"), environment: [:])
        #expect(configuration.render.sceneTransition == .crossfade)
    }

    @Test func mistakesNameTheirPlaceAndFix() throws {
        let cases: [(String, Int, String)] = [
            ("render:\n  presett: fast\n", 2, "did you mean `preset`?"),
            ("render:\n  preset: fastest\n", 2, "did you mean `faster`?"),
            ("watch:\n  renders: 40\n", 2, "between 1 and 16"),
            ("watch: 3\n", 1, "indented"),
            ("render:\n  crf: 21\n  motion: zooom\n", 3, "did you mean `zoom`? use one of zoom, pan, mixed, none"),
            ("render:\n  motion: [zoom]\n", 2, "one line"),
            ("render:\n  motion_strenght: 0.1\n", 2, "did you mean `motion_strength`?"),
            ("render:\n  motion_strength: 0.5\n", 2, "between 0.01 and 0.3"),
            ("render:\n  scene_transition: fade\n", 2, "use one of cut, crossfade"),
        ]
        try SettingsMistakes.expectRefused(cases)
    }

    @Test func theEnvironmentWins() throws {
        let url = try file("font: \(Tools().fontFile)\n")
        let configuration = try Configuration.load(
            file: url,
            environment: ["REELSMITH_FONT": "/fonts/other.ttf", "REELSMITH_FFMPEG": "/opt/ffmpeg/bin/ffmpeg"])
        #expect(configuration.tools.fontFile == "/fonts/other.ttf")
        #expect(configuration.tools.ffmpeg == "/opt/ffmpeg/bin/ffmpeg")
    }
}
