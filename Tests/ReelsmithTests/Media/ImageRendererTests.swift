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

@Suite struct ImageRendererTests {
    @Test func wrapKeepsLinesShortAndMarksTheCut() {
        let lines = ImageRenderer.wrap(
            "The biggest mistake people make with the morning workout", width: 14, maximumLines: 3)
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.count <= 14 })
        #expect(lines.last!.hasSuffix("…"))
    }

    @Test func cardRendersWithAFontPathFullOfGraphSyntax() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reelsmith-font-\(UUID().uuidString)")
        let odd = folder.appendingPathComponent("odd ' : , [x] ; font.ttf")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(atPath: Tools().fontFile, toPath: odd.path)
        let renderer = ImageRenderer(ffmpeg: "ffmpeg", fontFile: odd.path)
        let scenes = [
            Script.Scene(index: 1, narration: "", keyPhrase: #"{\pos(0,0)} 100% %{pts} it's: 🔥"#, imagePrompt: "")
        ]
        try await renderer.render(scenes: scenes, palette: ["#0f2027", "#2c5364"], assets: [], staging: folder)
        let probe = try Probe.of(folder.appendingPathComponent("images/01.png"))
        #expect(probe.video?.width == 1080 && probe.video?.height == 1920)
    }

    @Test func userPictureIsScaledAndCroppedToFill() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reelsmith-asset-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("assets"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let picture = folder.appendingPathComponent("assets/landscape.jpg")
        _ = try TestSupport.run(
            "ffmpeg",
            ["-loglevel", "error", "-f", "lavfi", "-i", "testsrc2=s=1600x900", "-frames:v", "1", picture.path])
        #expect(ImageRenderer.assets(in: folder.appendingPathComponent("assets")) == [picture])
        let scenes = [Script.Scene(index: 1, narration: "", keyPhrase: "x", imagePrompt: "")]
        try await ImageRenderer(ffmpeg: "ffmpeg", fontFile: Tools().fontFile)
            .render(scenes: scenes, palette: [], assets: [picture], staging: folder)
        let probe = try Probe.of(folder.appendingPathComponent("images/01.png"))
        #expect(probe.video?.width == 1080 && probe.video?.height == 1920)
    }
}
