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
    @Test func cardLinesNeverCutAWordAndSetTheAccentApart() {
        let layout = CardLayout(phrase: "Aim for around 1.6 grams of protein", stopwords: ["for", "of", "around"])
        #expect(layout.lines.contains { $0.isAccent && $0.text == "1.6" })
        #expect(layout.lines.map(\.text).joined(separator: " ") == "Aim for around 1.6 grams of protein")
        let long = CardLayout(phrase: "L'entrepreneuriat anticonstitutionnellement", stopwords: [])
        #expect(long.lines.map(\.text).joined(separator: " ") == "L'entrepreneuriat anticonstitutionnellement")
        let width = Double(CardLayout.safeRight - CardLayout.safeLeft)
        for line in long.lines {
            let size = Double(line.isAccent ? long.accentFontSize : long.fontSize)
            #expect(Double(line.text.count) * CardLayout.characterWidth * size <= width, "\(line.text) at \(size)")
        }
        #expect(layout.visibleLines(beat: 1, of: 3) < layout.visibleLines(beat: 3, of: 3))
        #expect(layout.visibleLines(beat: 3, of: 3) == layout.lines.count)
    }

    @Test func everyNicheAccentReadsAgainstItsBackground() {
        for (niche, palette) in [
            ("fitness", ["#0f2027", "#2c5364"]), ("cooking", ["#3b0d0c", "#7c2d12"]),
            ("finance", ["#0b1d13", "#14532d"]), ("motivation", ["#1a1a2e", "#4a1942"]), ("x", ["#777777", "#888888"]),
        ] {
            let theme = CardTheme(niche: niche, palette: palette)
            let accent = try! #require(CardTheme.rgb(theme.accent))
            let ink = try! #require(CardTheme.rgb(theme.ink))
            #expect(CardTheme.contrast(accent, ink) >= 4.5, "\(niche): \(theme.accent)")
        }
        #expect(CardTheme(niche: "fitness", palette: []).emoji == "💪")
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

    /// A French card (issue 21): elisions and accents kept whole, the accent word on its plate,
    /// the text inside the safe zone and readable, measured on the rendered picture.
    @Test func frenchCardKeepsElisionsAndAccentsReadableInTheSafeZone() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reelsmith-french-card-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var renderer = ImageRenderer(ffmpeg: "ffmpeg", fontFile: Tools().fontFile)
        renderer.niche = "cuisine"
        renderer.language = .fr
        renderer.stopwords = ["l'", "qu'on", "a", "la", "de", "le"]
        let phrase = "L'énergie qu'on dépense à l'entraînement"
        let layout = CardLayout(phrase: phrase, stopwords: renderer.stopwords)
        #expect(layout.lines.map(\.text).joined(separator: " ") == phrase)
        #expect(layout.lines.first { $0.isAccent }?.text == "l'entraînement")
        let narration =
            "On croit souvent manger assez, mais l'énergie qu'on dépense à l'entraînement est plus grande "
            + "qu'on l'imagine : après une séance, le corps réclame des protéines et de l'eau pour récupérer."
        let scenes = [Script.Scene(index: 1, narration: narration, keyPhrase: phrase, imagePrompt: "")]
        try await renderer.render(scenes: scenes, palette: ["#3b0d0c", "#7c2d12"], assets: [], staging: folder)
        let card = try CardFrame(
            video: folder.appendingPathComponent("images/01.png"), at: 0, settings: RenderSettings())
        let box = try #require(card.brightBox(excludingRows: 1400..<1920))
        // TikTok's safe zone (x 60…910, y 250…1470), as PacingTests measure it on rendered videos.
        #expect(box.minX >= 60 && box.maxX <= 910 && box.minY >= 250 && box.maxY <= 1470, "text box \(box)")
        #expect(card.textContrast(in: box) >= 4.5, "text contrast \(card.textContrast(in: box))")
        let plate = try #require(card.plateContrast(in: box), "no accent plate in \(box)")
        #expect(plate >= 4.5, "accent contrast \(plate)")
        // The accent word's plate spans its 14 characters (elision and î drawn, not dropped).
        let plateWidth = try #require(card.plateWidth(in: box))
        let minimum = Double(layout.accentFontSize) * 0.5 * 14
        #expect(Double(plateWidth) >= minimum, "plate \(plateWidth) px, at least \(minimum)")
        // An earlier beat shows only the start of the phrase: less text than the full card.
        let beat = try CardFrame(
            video: folder.appendingPathComponent("images/01-beat1.png"), at: 0, settings: RenderSettings())
        let beatBox = try #require(beat.brightBox(excludingRows: 1400..<1920))
        #expect(beatBox.maxY < box.maxY, "beat 1 \(beatBox), full card \(box)")
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
