import Foundation
import Testing

@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

/// A new picture every few seconds (issue 21), measured on rendered ~30 s videos of each kind as
/// a viewer sees them (``ShotMeasure``: frames sampled, captions masked, a crossfade counted once):
/// offline title cards, a clip library of three clips, a provider's pictures. The videos are
/// rendered at 540×960 and 15 fps: shot lengths do not depend on the size, and sampling at 10 per
/// second needs no more. Serialized: they render video.
@Suite(.serialized) struct PacingTests {
    static var cheap: RenderSettings {
        var settings = RenderSettings()
        settings.width = 540
        settings.height = 960
        settings.framesPerSecond = 15
        return settings
    }

    /// Shot lengths within the setting (a crossfade's half and a sample's width of slack), no two
    /// consecutive shots alike.
    private func expectPacing(_ shots: ShotMeasure, settings: RenderSettings, _ kind: String) {
        #expect(shots.meanSeconds <= settings.shotSeconds, "\(kind): mean \(shots.meanSeconds) s, cuts \(shots.cuts)")
        #expect(
            shots.longestSeconds <= settings.shotSeconds + 0.5,
            "\(kind): longest \(shots.longestSeconds) s, \(shots.cuts)")
        #expect(
            shots.shortestSeconds >= settings.minimumShotSeconds - 0.4,
            "\(kind): shortest \(shots.shortestSeconds) s, \(shots.cuts)")
        #expect(shots.leastNeighbourDifference > 2, "\(kind): two consecutive shots alike, cuts \(shots.cuts)")
    }

    private func published(_ workspace: Workspace, request: String, settings: RenderSettings) async throws -> (
        URL, VoiceTimings
    ) {
        let file = try TestSupport.write(
            request, to: workspace.inbox.appendingPathComponent("requests"), name: "pacing.yaml")
        let pipeline = GenerationPipeline(
            workspace: workspace, index: try LearningIndex(url: workspace.indexFile), settings: settings)
        let folder = try await pipeline.run(requestFile: file).folder
        let timings = try JSONFiles.read(VoiceTimings.self, from: folder.appendingPathComponent("timings.json"))
        return (folder, timings)
    }

    @Test func offlineTitleCardsChangeEveryFewSecondsReadWellAndStayInTheSafeZone() async throws {
        let workspace = try TestSupport.makeWorkspace()
        let settings = Self.cheap
        let (folder, timings) = try await published(
            workspace, request: "niche: fitness\ntopic: protein for muscle\nlanguage: en\nduration: 30\nimages: 3\n",
            settings: settings)
        let video = folder.appendingPathComponent("video.mp4")
        #expect(timings.durationSeconds > 20, "\(timings.durationSeconds)")
        let shots = try ShotMeasure.of(video, durationSeconds: timings.durationSeconds)
        expectPacing(shots, settings: settings, "title cards")
        #expect(shots.cuts.count >= Int(timings.durationSeconds / settings.shotSeconds))

        // The last frame of scene 1 before its cut: its card complete.
        let script = try JSONFiles.read(Script.self, from: folder.appendingPathComponent("script.json"))
        let sceneEnd = timings.sceneStarts(sceneCount: script.scenes.count)[1]
        let frame = try CardFrame(video: video, at: sceneEnd - 0.5, settings: settings)
        // Text and sticker (all that is brighter than the dark gradient) inside the safe zone,
        // outside the caption band.
        let box = try #require(frame.brightBox(excludingRows: 1290..<1920))
        #expect(box.minX >= 60 && box.maxX <= 910 && box.minY >= 250 && box.maxY <= 1470, "text box \(box)")
        // White text against what is behind it, the accent word's ink against its plate: 4.5:1.
        let layout = CardLayout(phrase: script.scenes[0].keyPhrase, stopwords: [])
        #expect(frame.textContrast(in: box) >= 4.5, "text contrast \(frame.textContrast(in: box))")
        if let plate = frame.plateContrast(in: box) { #expect(plate >= 4.5, "accent contrast \(plate)") }
        #expect(!layout.lines.isEmpty)
        // The niche's emoji (💪, yellow) in colour above the text.
        #expect(frame.colourfulPixels(in: box) > 50, "no colour emoji in \(box)")
    }

    @Test func aLibraryOfThreeClipsIsCutInTurnNeverTheSameTwiceInARow() async throws {
        let workspace = try ClipFixtures.workspaceWithOwnTemplates()
        let fitness = ClipFixtures.assets(workspace, "fitness")
        for (name, tint) in [
            ("squat-workout", ClipFixtures.Tint.red), ("morning-run", .green), ("pushup-training", .blue),
        ] {
            try ClipFixtures.flatClip(
                tint, width: 1080, height: 1920, seconds: 12, at: fitness.appendingPathComponent(name + ".mp4"))
        }
        let settings = Self.cheap
        let (folder, timings) = try await published(
            workspace,
            request: "niche: fitness\ntopic: the workout\nlanguage: en\nduration: 30\nimages: 2\nvisuals: clips\n",
            settings: settings)
        let video = folder.appendingPathComponent("video.mp4")
        let shots = try ShotMeasure.of(video, durationSeconds: timings.durationSeconds)
        expectPacing(shots, settings: settings, "clips")
        // Each shot's tint, from its middle: all three clips shown, never one twice in a row.
        let bounds = [0] + shots.cuts + [timings.durationSeconds]
        let tints = try zip(bounds, bounds.dropFirst()).map { start, end in
            ClipFixtures.tint(
                of: try ClipFixtures.meanColour(of: video, at: (start + end) / 2, crop: "270:200:135:100"))
        }
        #expect(Set(tints.compactMap { $0 }) == [.red, .green, .blue], "\(tints)")
        #expect(zip(tints, tints.dropFirst()).allSatisfy { $0 != $1 }, "\(tints) at \(shots.cuts)")
    }

    @Test func oneProviderPicturePerSceneStillChangesEveryFewSeconds() async throws {
        let workspace = try TestSupport.makeWorkspace()
        let root = workspace.inbox.deletingLastPathComponent()
        let pictures = try [Tint.orange, .teal, .violet].map { try Self.picture($0) }
        let served = Counter()
        let server = try LocalProviderServer { request in
            guard request.path.hasSuffix("/images/generations") else { return .error(404, "no such endpoint") }
            return .imageGeneration(pictures[served.next() % pictures.count])
        }
        defer { server.stop() }
        let text = """
            providers:
              local:
                base_url: \(server.baseURL)
                api_key_env: PACING_TEST_KEY
                max_retries: 0
            engines:
              images: { provider: local, model: gpt-image-1 }
            render:
              shot_seconds: 3.5
            """
        try Data(text.utf8).write(to: root.appendingPathComponent("reelsmith.yaml"))
        var configuration = try Configuration.load(
            file: root.appendingPathComponent("reelsmith.yaml"), environment: ["PACING_TEST_KEY": "k"])
        #expect(configuration.render.shotSeconds == 3.5)
        configuration.render.width = 540
        configuration.render.height = 960
        configuration.render.framesPerSecond = 15
        let file = try TestSupport.write(
            "niche: fitness\ntopic: morning stretches\nlanguage: en\nduration: 30\nimages: 3\n",
            to: workspace.inbox.appendingPathComponent("requests"), name: "pictures.yaml")
        let pipeline = GenerationPipeline(
            workspace: workspace, configuration: configuration, index: try LearningIndex(url: workspace.indexFile))
        let folder = try await pipeline.run(requestFile: file).folder
        #expect(server.requests(path: "/images/generations").count == 3)
        let timings = try JSONFiles.read(VoiceTimings.self, from: folder.appendingPathComponent("timings.json"))
        let shots = try ShotMeasure.of(
            folder.appendingPathComponent("video.mp4"), durationSeconds: timings.durationSeconds)
        expectPacing(shots, settings: configuration.render, "provider pictures")
        #expect(shots.cuts.count >= Int(timings.durationSeconds / 3.5))
    }

    /// `render.scene_transition`: a hard cut into a new scene by default (the frame just before
    /// the change is still the old scene), a crossfade when asked for (that frame is a blend of
    /// both), measured on the frames above the captions.
    @Test(arguments: [SceneTransition.cut, .crossfade])
    func aNewSceneCutsHardUnlessACrossfadeIsAskedFor(_ transition: SceneTransition) async throws {
        let workspace = try TestSupport.makeWorkspace()
        var settings = Self.cheap
        settings.sceneTransition = transition
        let (folder, timings) = try await published(
            workspace, request: "niche: fitness\ntopic: protein for muscle\nlanguage: en\nduration: 15\nimages: 2\n",
            settings: settings)
        let video = folder.appendingPathComponent("video.mp4")
        let change = timings.sceneStarts(sceneCount: 2)[1]
        let band = "crop=540:560:0:0,scale=54:56:flags=area,format=gray"
        func frame(_ seconds: Double) throws -> [Double] {
            try ClipFixtures.frameBytes(video, at: seconds, filter: band).map(Double.init)
        }
        let before = try frame(change - 0.35)
        // Two frames before the change (at 15 fps the change is rounded to a frame, up to half a frame early).
        let justBefore = try frame(change - 0.15)
        let after = try frame(change + 0.35)
        let scenesApart = ShotMeasure.difference(before, after)
        let fromOld = ShotMeasure.difference(justBefore, before)
        let fromNew = ShotMeasure.difference(justBefore, after)
        #expect(scenesApart > 5, "the two scenes look alike (\(scenesApart))")
        switch transition {
        case .cut:
            #expect(fromOld < scenesApart / 4, "\(fromOld) from the old scene, \(scenesApart) between the scenes")
        case .crossfade:
            #expect(
                fromOld > scenesApart / 8 && fromNew > scenesApart / 8,
                "\(fromOld) from the old scene, \(fromNew) from the new, \(scenesApart) between them")
        }
    }

    enum Tint: String { case orange, teal, violet }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func next() -> Int {
            lock.withLock {
                defer { count += 1 }
                return count
            }
        }
    }

    /// A portrait picture with structure top to bottom (a closer framing of it looks different).
    static func picture(_ tint: Tint) throws -> Data {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pacing-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try TestSupport.run(
            "ffmpeg",
            [
                "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "color=c=\(tint.rawValue):s=1024x1536",
                "-vf",
                "drawgrid=w=128:h=128:t=24:color=white@0.9,drawbox=x=0:y=0:w=iw:h=ih/3:color=black@0.6:t=fill",
                "-frames:v", "1", file.path,
            ])
        guard result.status == 0 else { throw ClipFixtures.FixtureError(message: result.stderr) }
        return try Data(contentsOf: file)
    }
}

/// One frame of a rendered card, at 1080×1920 coordinates, in RGB.
struct CardFrame {
    var width: Int
    var height: Int
    var pixels: [UInt8]
    /// Output pixels per 1080×1920 pixel.
    var scale: Double

    init(video: URL, at seconds: Double, settings: RenderSettings) throws {
        width = settings.width
        height = settings.height
        scale = Double(settings.width) / 1080
        pixels = try ClipFixtures.frameBytes(video, at: seconds, filter: "format=rgb24")
    }

    func rgb(_ x: Int, _ y: Int) -> (Double, Double, Double) {
        let index = (y * width + x) * 3
        return (Double(pixels[index]) / 255, Double(pixels[index + 1]) / 255, Double(pixels[index + 2]) / 255)
    }

    struct Box: CustomStringConvertible {
        var minX: Int, minY: Int, maxX: Int, maxY: Int
        var description: String { "x \(minX)…\(maxX), y \(minY)…\(maxY)" }
    }

    /// The bounding box (1080×1920 coordinates) of everything brighter than the card's gradient.
    func brightBox(excludingRows: Range<Int>) -> Box? {
        var box: Box?
        for y in 0..<height where !excludingRows.contains(Int(Double(y) / scale)) {
            for x in 0..<width where CardTheme.luminance(rgb(x, y)) > 0.3 {
                let (X, Y) = (Int(Double(x) / scale), Int(Double(y) / scale))
                box = Box(
                    minX: min(box?.minX ?? X, X), minY: min(box?.minY ?? Y, Y), maxX: max(box?.maxX ?? X, X),
                    maxY: max(box?.maxY ?? Y, Y))
            }
        }
        return box
    }

    private func region(_ box: Box) -> [(Double, Double, Double)] {
        let (x0, x1) = (Int(Double(box.minX) * scale), Int(Double(box.maxX) * scale))
        let (y0, y1) = (Int(Double(box.minY) * scale), Int(Double(box.maxY) * scale))
        return (y0...y1).flatMap { y in (x0...x1).map { rgb($0, y) } }
    }

    /// The white text's luminance against the gradient behind it (the box's 40th percentile:
    /// the text covers less than half of its box).
    func textContrast(in box: Box) -> Double {
        let values = region(box).map(CardTheme.luminance).sorted()
        let text = values[Int(Double(values.count) * 0.995)]
        let background = values[values.count * 2 / 5]
        return (max(text, background) + 0.05) / (min(text, background) + 0.05)
    }

    /// The accent plate (the median bright saturated colour) against the darkest pixels on it (its ink).
    func plateContrast(in box: Box) -> Double? {
        let bright = region(box).filter { CardTheme.luminance($0) > 0.25 && saturation($0) > 0.3 }
        guard bright.count > 200 else { return nil }
        let plate = bright.sorted { CardTheme.luminance($0) < CardTheme.luminance($1) }[bright.count / 2]
        // The plate's own rows and columns: pixels within a small distance of its colour.
        var plateBox: Box?
        let (x0, x1) = (Int(Double(box.minX) * scale), Int(Double(box.maxX) * scale))
        let (y0, y1) = (Int(Double(box.minY) * scale), Int(Double(box.maxY) * scale))
        for y in y0...y1 {
            for x in x0...x1 {
                let pixel = rgb(x, y)
                guard abs(pixel.0 - plate.0) + abs(pixel.1 - plate.1) + abs(pixel.2 - plate.2) < 0.08 else { continue }
                plateBox = Box(
                    minX: min(plateBox?.minX ?? x, x), minY: min(plateBox?.minY ?? y, y),
                    maxX: max(plateBox?.maxX ?? x, x), maxY: max(plateBox?.maxY ?? y, y))
            }
        }
        guard let plateBox else { return nil }
        let onPlate = (plateBox.minY...plateBox.maxY).flatMap { y in
            (plateBox.minX...plateBox.maxX).map { CardTheme.luminance(rgb($0, y)) }
        }.sorted()
        let ink = onPlate[onPlate.count / 50]
        let plateLuminance = CardTheme.luminance(plate)
        return (max(plateLuminance, ink) + 0.05) / (min(plateLuminance, ink) + 0.05)
    }

    /// The width in pixels (1080×1920 coordinates) of the accent plate: the widest run of its colour.
    func plateWidth(in box: Box) -> Int? {
        let bright = region(box).filter { CardTheme.luminance($0) > 0.25 && saturation($0) > 0.3 }
        guard bright.count > 200 else { return nil }
        let plate = bright.sorted { CardTheme.luminance($0) < CardTheme.luminance($1) }[bright.count / 2]
        var widest = 0
        let (x0, x1) = (Int(Double(box.minX) * scale), Int(Double(box.maxX) * scale))
        let (y0, y1) = (Int(Double(box.minY) * scale), Int(Double(box.maxY) * scale))
        for y in y0...y1 {
            let columns = (x0...x1).filter { x in
                let pixel = rgb(x, y)
                return abs(pixel.0 - plate.0) + abs(pixel.1 - plate.1) + abs(pixel.2 - plate.2) < 0.08
            }
            if let first = columns.first, let last = columns.last { widest = max(widest, last - first) }
        }
        return Int(Double(widest) / scale)
    }

    func saturation(_ rgb: (Double, Double, Double)) -> Double {
        let high = max(rgb.0, rgb.1, rgb.2)
        let low = min(rgb.0, rgb.1, rgb.2)
        return high == 0 ? 0 : (high - low) / high
    }

    /// Yellow-orange saturated pixels (the flexed-arm emoji) in the box.
    func colourfulPixels(in box: Box) -> Int {
        region(box).filter { $0.0 > 0.8 && $0.1 > 0.55 && $0.2 < 0.35 }.count
    }
}
