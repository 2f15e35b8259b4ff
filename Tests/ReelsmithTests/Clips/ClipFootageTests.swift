import Foundation
import GRDB
import Testing

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

/// Real phone footage in a clip scene (issue 9), made by real ffmpeg the way phones and cameras
/// write it, rendered and measured: HDR (HLG, PQ) tone-mapped to SDR BT.709, anamorphic pixels
/// cropped by their display shape, a rotated clip upright, a slightly short clip slowed to the
/// end of its scene, and huge files skipped by name. Serialized: they render video.
@Suite(.serialized) struct ClipFootageTests {
    // MARK: HDR

    @Test func hlgAndPQClipsAreToneMappedToTheColoursOfTheirSDROriginal() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // One picture three ways: SDR BT.709, and HDR as a camera writes it, BT.2020 10-bit HEVC
        // with SDR's white at HDR's reference white (BT.2408: 203 cd/m²), HLG (an iPhone's
        // default) and PQ (HDR10). The PQ clip is large enough to be tone-mapped after the scale.
        let picture = "smptehdbars=s=%@:r=30:d=2"
        let sdr = folder.appendingPathComponent("sdr.mp4")
        try Self.ffmpeg([
            "-f", "lavfi", "-i", String(format: picture, "540x960"), "-c:v", "libx264", "-preset", "ultrafast",
            "-pix_fmt", "yuv420p", "-color_primaries", "bt709", "-color_trc", "bt709", "-colorspace", "bt709",
            sdr.path,
        ])
        let hlg = try Self.hdrClip(
            transfer: "arib-std-b67", size: "540x960", picture: picture, at: folder.appendingPathComponent("hlg.mp4"))
        let pq = try Self.hdrClip(
            transfer: "smpte2084", size: "1440x2560", picture: picture, at: folder.appendingPathComponent("pq.mov"))

        let probedHLG = try await ClipProbe.probe(hlg.path, ffprobe: "ffprobe")
        #expect(probedHLG.colour.transfer == "arib-std-b67" && probedHLG.colour.primaries == "bt2020")
        #expect(probedHLG.colour.isHighDynamicRange)
        let probedSDR = try await ClipProbe.probe(sdr.path, ffprobe: "ffprobe")
        #expect(!probedSDR.colour.isHighDynamicRange && probedSDR.colour.toneMapFilters == nil)

        let video = try await Self.render([sdr, hlg, pq], sceneSeconds: 2, in: folder)
        // The same clips rendered as before this fix (not probed: their samples taken as SDR).
        let untreatedVideo = try await Self.render([sdr, hlg, pq], sceneSeconds: 2, probed: false, in: folder)
        let original = try Self.pixels(of: video, at: 1.0)
        for (name, middle) in [("HLG", 3.0), ("PQ", 5.0)] {
            let rendered = try Self.pixels(of: video, at: middle)
            let error = Self.meanAbsoluteDifference(rendered, original)
            let untreated = Self.meanAbsoluteDifference(try Self.pixels(of: untreatedVideo, at: middle), original)
            // Measured: 4.3 (HLG) and 5.4 (PQ) tone-mapped; 31 and 45 untreated.
            #expect(error < 10, "\(name) scene differs from the SDR original by \(error)/255")
            #expect(
                untreated > 20 && untreated > 3 * error,
                "\(name) untreated differs by \(untreated), tone-mapped by \(error)")
            // The mean colour too (untreated: HLG 7 levels too little green, PQ 10 to 16 too dark).
            let (mean, reference) = (Self.mean(rendered), Self.mean(original))
            for channel in 0..<3 {
                #expect(abs(mean[channel] - reference[channel]) < 5, "\(name) mean colour \(mean) vs SDR \(reference)")
            }
        }
        // The video is SDR BT.709 as before (or untagged), 8-bit.
        let tags = try Self.streamTags(video)
        #expect(tags["pix_fmt"] == "yuv420p")
        for key in ["color_transfer", "color_primaries", "color_space"] {
            #expect([nil, "bt709", "unknown"].contains(tags[key]), "\(key) = \(tags[key] ?? "-")")
        }
    }

    @Test func theToneMapRunsAtTheSmallerOfTheCropAndTheOutput() {
        let settings = RenderSettings()
        var small = SceneClip(path: "/c/hlg.mp4", durationSeconds: 5)
        small.colour = ClipColour(transfer: "arib-std-b67", primaries: "bt2020", matrix: "bt2020nc", range: "tv")
        (small.displayWidth, small.displayHeight, small.sampleAspect) = (1920, 1080, 1)
        var large = small
        (large.displayWidth, large.displayHeight) = (3840, 2160)
        let smallChain = small.filterChain(frames: 150, settings: settings)
        let largeChain = large.filterChain(frames: 150, settings: settings)
        let order = { (chain: String) in
            (chain.range(of: "tonemap=")!.lowerBound, chain.range(of: "scale=1080:1920")!.lowerBound)
        }
        #expect(order(smallChain).0 < order(smallChain).1, "606×1080 kept: tone-mapped before the upscale")
        #expect(order(largeChain).0 > order(largeChain).1, "1214×2160 kept: tone-mapped after the downscale")
        // A tag that is not a known name never reaches the graph.
        var hostile = small
        hostile.colour?.primaries = "bt2020:t=linear,drawtext"
        hostile.colour?.matrix = "x'y"
        #expect(hostile.filterChain(frames: 150, settings: settings).contains("pin=bt2020:min=bt2020nc:"))
        #expect(
            SceneClip(path: "/c/sdr.mp4", durationSeconds: 5).filterChain(frames: 150, settings: settings)
                .contains("tonemap") == false)
    }

    @Test func aPQClipsPeakComesFromItsLightLevelThenItsMasteringDisplay() throws {
        // ffprobe's JSON for an HDR10 stream with container metadata (mov `clli`/`mdcv`, Matroska).
        func probe(_ sideData: String, sar: String = "1:1") throws -> ClipProbe {
            try ClipProbe.parse(
                Data(
                    """
                    {"streams": [{"codec_type": "video", "width": 3840, "height": 2160, "duration": "4.0",
                      "sample_aspect_ratio": "\(sar)", "color_transfer": "smpte2084", "color_primaries": "bt2020",
                      "color_space": "bt2020nc", "color_range": "tv", "side_data_list": [\(sideData)]}]}
                    """.utf8))
        }
        let mastering = #"{"side_data_type": "Mastering display metadata", "max_luminance": "40000000/10000"}"#
        let lightLevel = #"{"side_data_type": "Content light level metadata", "max_content": 1600, "max_average": 400}"#
        #expect(try probe(mastering + "," + lightLevel).colour.peakNits == 1600)
        #expect(try probe(mastering).colour.peakNits == 4000)
        let plain = try probe("", sar: "0:1")
        #expect(plain.colour.peakNits == nil && plain.colour.toneMapPeakNits == 1000 && plain.sampleAspect == 1)
        #expect(plain.colour.toneMapFilters?.contains("tonemap=mobius:param=0.7:desat=0:peak=4.926") == true)
        #expect(try probe(mastering).colour.toneMapFilters?.contains("peak=19.704") == true)
    }

    /// A file's numbers are checked before any conversion: a duration of 1e300 s or a rotation tag of
    /// 1e300, inf or nan (ffprobe passes them through from the file) trapped `Int(_:)` before.
    @Test func aFilesNonsenseDurationOrRotationIsRefusedOrIgnoredNotATrap() throws {
        func probe(duration: String, rotate: String) throws(ClipProbe.Problem) -> ClipProbe {
            try ClipProbe.parse(
                Data(
                    """
                    {"streams": [{"codec_type": "video", "width": 1080, "height": 1920, "duration": "\(duration)",
                      "tags": {"rotate": "\(rotate)"}}]}
                    """.utf8))
        }
        #expect(throws: ClipProbe.Problem.huge("1e+300 s long; at most an hour")) {
            _ = try probe(duration: "1e300", rotate: "0")
        }
        #expect(throws: ClipProbe.Problem.huge("7200 s long; at most an hour")) {
            _ = try probe(duration: "7200", rotate: "0")
        }
        for rotate in ["1e300", "inf", "nan", "-9.3e18"] {
            let clip = try probe(duration: "4", rotate: rotate)
            #expect(clip.width == 1080 && clip.height == 1920, "rotate \(rotate)")
        }
        let turned = try probe(duration: "4", rotate: "-450")
        #expect(turned.width == 1920 && turned.height == 1080)
    }

    // MARK: Pixel shape and rotation

    @Test func anAnamorphicClipIsCroppedByItsDisplayShape() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Stored 960×1080 with 2:1 pixels: displayed 1920×1080. Red up to stored column 400
        // (displayed 800), blue after it.
        let clip = folder.appendingPathComponent("anamorphic.mp4")
        try Self.ffmpeg([
            "-f", "lavfi", "-i",
            "color=c=red:s=960x1080:r=30:d=2,drawbox=x=400:y=0:w=560:h=1080:color=blue:t=fill,setsar=2",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", clip.path,
        ])
        let probe = try await ClipProbe.probe(clip.path, ffprobe: "ffprobe")
        #expect(probe.width == 1920 && probe.height == 1080 && probe.sampleAspect == 2)
        #expect(LibraryClip.orientation(width: probe.width, height: probe.height) == .landscape)

        let video = try await Self.render([clip], sceneSeconds: 2, in: folder)
        // The 9:16 window of the displayed 1920×1080 is 607.5 wide, centred: from 656.25; the
        // edge at 800 shows at (800 − 656.25) / 607.5 of the frame's width. Cropped in stored
        // pixels (the pixels taken as square), it would show at (400 − 176.25) / 607.5.
        let expected = (800 - 656.25) / 607.5 * 1080
        let stretched = (400 - 176.25) / 607.5 * 1080
        let row = try Self.pixels(
            of: video, at: 1.0, filter: "crop=1080:8:0:956,scale=1080:1:flags=area,", format: "format=rgb24")
        let edge = try #require(stride(from: 0, to: row.count, by: 3).first { row[$0 + 2] > row[$0] }) / 3
        #expect(abs(Double(edge) - expected) <= 8, "red→blue at x = \(edge), displayed geometry says \(expected)")
        #expect(abs(Double(edge) - stretched) > 100)
        let tags = try Self.streamTags(video)
        #expect(tags["width"] == "1080" && tags["height"] == "1920" && tags["sample_aspect_ratio"] == "1:1")
    }

    @Test func aRotatedPhoneClipFillsTheFrameUpright() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Upright: a portrait picture, red above, blue below. Stored as a phone does, turned a
        // quarter clockwise into 640×360, with a display matrix saying to turn it back a quarter
        // counter-clockwise (ffprobe's `rotation: 90`).
        let stored = folder.appendingPathComponent("stored.mp4")
        try Self.ffmpeg([
            "-f", "lavfi", "-i",
            "color=c=red:s=360x640:r=30:d=2,drawbox=x=0:y=320:w=360:h=320:color=blue:t=fill,transpose=clock",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", stored.path,
        ])
        let clip = folder.appendingPathComponent("phone.mp4")
        try Self.ffmpeg(["-i", stored.path, "-c", "copy", "-metadata:s:v:0", "rotate=90", clip.path])
        let sideData = try TestSupport.run(
            "ffprobe", ["-v", "error", "-show_entries", "stream_side_data=rotation", "-of", "csv=p=0", clip.path])
        #expect(sideData.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "90")
        let probe = try await ClipProbe.probe(clip.path, ffprobe: "ffprobe")
        #expect(probe.width == 360 && probe.height == 640)
        #expect(LibraryClip.orientation(width: probe.width, height: probe.height) == .portrait)

        let video = try await Self.render([clip], sceneSeconds: 2, in: folder)
        let top = try ClipFixtures.meanColour(of: video, at: 1, crop: "1080:400:0:200")
        let bottom = try ClipFixtures.meanColour(of: video, at: 1, crop: "1080:400:0:1320")
        #expect(
            ClipFixtures.tint(of: top) == .red && ClipFixtures.tint(of: bottom) == .blue, "top \(top), bottom \(bottom)"
        )
        for edge in ["1080:24:0:0", "1080:24:0:1896", "24:1920:0:0", "24:1920:1056:0"] {
            let colour = try ClipFixtures.meanColour(of: video, at: 1, crop: edge)
            #expect(colour.r + colour.g + colour.b > 200, "edge \(edge) is dark: \(colour) (a black bar?)")
        }
    }

    // MARK: A clip a little short

    @Test func aClipAFifthShortIsSlowedToTheEndOfItsSceneNotLooped() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let clip = try ClipFixtures.movingClip(
            .green, width: 540, height: 960, seconds: 2.7, at: folder.appendingPathComponent("short.mp4"))
        let scene = SceneClip(path: clip.path, durationSeconds: 2.7)
        #expect(scene.fit(sceneSeconds: 3) == .slowed(factor: 3 / 2.7))

        let video = try await Self.render([clip], sceneSeconds: 3, in: folder)
        #expect(abs(try Probe.of(video).durationSeconds - 3) <= 0.1)
        // Near the end, the scene shows the clip's own late frame at time / factor (slowed), not
        // its start again (looped), and it still moves there (not a frozen last frame).
        let grey = "scale=108:192,format=gray,"
        let late = try Self.pixels(of: video, at: 2.85, filter: grey, format: "")
        let slowedSource = try Self.pixels(of: clip, at: 2.85 / (3 / 2.7), filter: grey, format: "")
        let loopedSource = try Self.pixels(of: clip, at: 2.85 - 2.7, filter: grey, format: "")
        let slowedError = Self.meanAbsoluteDifference(late, slowedSource)
        let loopedError = Self.meanAbsoluteDifference(late, loopedSource)
        #expect(slowedError < loopedError / 3, "slowed \(slowedError), looped \(loopedError)")
        let motion = Self.meanAbsoluteDifference(
            try Self.pixels(of: video, at: 2.5, filter: grey, format: ""), late)
        #expect(motion > 3, "the last 0.35 s barely move (\(motion)): the clip froze")
    }

    // MARK: Huge files

    @Test func hugeFilesAreSkippedWithAWarningNamingThem() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let assets = folder.appendingPathComponent("assets")
        let shared = assets.appendingPathComponent(ClipLibrary.sharedFolder)
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
        // One 5000×5000 frame, and an hour and a second of 16×16: both small files.
        let wide = shared.appendingPathComponent("wide.mp4")
        try Self.ffmpeg([
            "-f", "lavfi", "-i", "color=c=gray:s=5000x5000:r=1:d=1", "-frames:v", "1", "-c:v", "libx264",
            "-preset", "ultrafast", "-pix_fmt", "yuv420p", wide.path,
        ])
        let long = shared.appendingPathComponent("long.mp4")
        try Self.ffmpeg([
            "-f", "lavfi", "-i", "color=c=gray:s=16x16:r=1:d=3601", "-c:v", "libx264", "-preset", "ultrafast",
            "-pix_fmt", "yuv420p", long.path,
        ])
        // Over 2 GB: a sparse file (no disk used); its size alone refuses it, unprobed.
        let heavy = shared.appendingPathComponent("heavy.mov")
        #expect(FileManager.default.createFile(atPath: heavy.path, contents: nil))
        let handle = try FileHandle(forWritingTo: heavy)
        try handle.truncate(atOffset: UInt64(ClipLibrary.maximumBytes) + 1)
        try handle.close()
        let fine = try ClipFixtures.flatClip(
            .red, width: 320, height: 568, seconds: 1, at: shared.appendingPathComponent("fine.mp4"))

        let index = try LearningIndex(url: folder.appendingPathComponent("index.sqlite"))
        let library = ClipLibrary(assets: assets, index: index, ffprobe: "ffprobe")
        let scan = try await library.scan(folders: [ClipLibrary.sharedFolder])
        #expect(scan.clips.map(\.path) == [fine.path])
        for (file, detail) in [(wide, "5000×5000 pixels"), (long, "3601 s long"), (heavy, "2048 MB")] {
            #expect(
                scan.warnings.contains {
                    $0.hasPrefix(file.path + ": skipped, it is too large") && $0.contains(detail)
                },
                "\(file.lastPathComponent): \(scan.warnings)")
        }
        #expect(scan.warnings.count == 3)
    }

    // MARK: The index

    @Test func rowsIndexedBeforeThePixelShapeWasReadAreProbedAgain() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let assets = folder.appendingPathComponent("assets")
        let niche = assets.appendingPathComponent("travel")
        let clip = niche.appendingPathComponent("beach.mp4")
        try FileManager.default.createDirectory(at: niche, withIntermediateDirectories: true)
        try Self.ffmpeg([
            "-f", "lavfi", "-i", "color=c=red:s=960x1080:r=30:d=1,setsar=2", "-c:v", "libx264", "-preset", "ultrafast",
            "-pix_fmt", "yuv420p", clip.path,
        ])
        let index = try LearningIndex(url: folder.appendingPathComponent("index.sqlite"))
        let library = ClipLibrary(assets: assets, index: index, ffprobe: "ffprobe")
        let first = try #require(try await library.scan(folders: ["travel"]).clips.first)
        #expect(first.width == 1920 && first.sampleAspect == 2 && first.orientation == .landscape)
        #expect(first.colourTransfer == "-")
        // A row as v10 wrote it: the stored size, no pixel shape, no colour.
        try await index.database.write { db in
            try db.execute(
                sql:
                    "UPDATE clip_library SET width = 960, orientation = 'portrait', sample_aspect = NULL, colour_transfer = NULL"
            )
        }
        let again = try #require(try await library.scan(folders: ["travel"]).clips.first)
        #expect(again.width == 1920 && again.sampleAspect == 2 && again.orientation == .landscape)
        #expect(again.indexedAt > first.indexedAt)
    }

    // MARK: Helpers

    private static func folder(_ name: String = #function) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reelsmith-footage-\(Slug.make(name))-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(
            at: url.appendingPathComponent("work"), withIntermediateDirectories: true)
        return url
    }

    private static func ffmpeg(_ arguments: [String]) throws {
        let result = try TestSupport.run("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y"] + arguments)
        guard result.status == 0 else { throw ClipFixtures.FixtureError(message: result.stderr) }
    }

    /// `picture` converted as a camera records HDR: BT.709 light placed with SDR's white at 203
    /// cd/m², coded with `transfer` in BT.2020, 10-bit HEVC, tagged.
    private static func hdrClip(transfer: String, size: String, picture: String, at url: URL) throws -> URL {
        try ffmpeg([
            "-f", "lavfi", "-i", String(format: picture, size), "-vf",
            "zscale=tin=bt709:min=bt709:pin=bt709:rin=tv:t=\(transfer):p=bt2020:m=bt2020nc:r=tv:npl=203,format=yuv420p10le",
            "-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error", "-tag:v", "hvc1",
            "-color_primaries", "bt2020", "-color_trc", transfer, "-colorspace", "bt2020nc", url.path,
        ])
        return url
    }

    /// Renders one scene per clip, each `sceneSeconds` long, through the job's own path: the
    /// plan's clips probed again (``ClipPlan/sceneClips(ffprobe:)``), then the single graph.
    private static func render(
        _ clips: [URL], sceneSeconds: Double, probed: Bool = true, in folder: URL
    ) async throws -> URL {
        let total = sceneSeconds * Double(clips.count)
        try ffmpeg([
            "-f", "lavfi", "-i", "sine=frequency=300:duration=\(total)", "-ac", "1", "-c:a", "pcm_s16le",
            folder.appendingPathComponent("work/voice.wav").path,
        ])
        var durations: [Double] = []
        for clip in clips { durations.append(try await ClipProbe.probe(clip.path, ffprobe: "ffprobe").durationSeconds) }
        let choices = zip(clips, durations).enumerated().map { position, item in
            ClipPlan.SceneChoice(
                scene: position + 1, terms: [], clip: item.0.path, source: "library", reason: "test",
                durationSeconds: item.1)
        }
        var plan = RenderPlan(
            images: clips.indices.map { "unused-\($0).png" },
            sceneStarts: clips.indices.map { Double($0) * sceneSeconds }, durationSeconds: total,
            voice: "work/voice.wav", music: nil, captions: nil, output: "video.mp4")
        let clipPlan = ClipPlan(visuals: .clips, scenes: choices, warnings: [])
        plan.clips = probed ? await clipPlan.sceneClips(ffprobe: "ffprobe") : clipPlan.sceneClips
        plan.output = probed ? "video.mp4" : "untreated.mp4"
        try await VideoRenderer(ffmpeg: "ffmpeg").render(plan, staging: folder) { _ in }
        return folder.appendingPathComponent(plan.output)
    }

    /// The frame at `seconds`, through `filter`, as raw bytes (RGB, 27×48 by default).
    private static func pixels(
        of video: URL, at seconds: Double, filter: String = "", format: String = "scale=27:48:flags=area,format=rgb24"
    ) throws -> [UInt8] {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("footage-\(UUID().uuidString).raw")
        defer { try? FileManager.default.removeItem(at: output) }
        let chain = (filter + format).trimmingCharacters(in: CharacterSet(charactersIn: ","))
        try ffmpeg([
            "-ss", String(format: "%.3f", seconds), "-i", video.path, "-frames:v", "1", "-vf", chain, "-f", "rawvideo",
            output.path,
        ])
        return [UInt8](try Data(contentsOf: output))
    }

    private static func meanAbsoluteDifference(_ a: [UInt8], _ b: [UInt8]) -> Double {
        guard a.count == b.count, !a.isEmpty else { return .infinity }
        return zip(a, b).reduce(0.0) { $0 + abs(Double($1.0) - Double($1.1)) } / Double(a.count)
    }

    private static func mean(_ rgb: [UInt8]) -> [Double] {
        (0..<3).map { channel in
            stride(from: channel, to: rgb.count, by: 3).reduce(0.0) { $0 + Double(rgb[$1]) } / Double(rgb.count / 3)
        }
    }

    /// The video stream's fields as ffprobe prints them (`color_transfer`, `pix_fmt`…).
    private static func streamTags(_ video: URL) throws -> [String: String] {
        let result = try TestSupport.run(
            "ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_streams", "-of", "default=nw=1", video.path])
        var fields: [String: String] = [:]
        for line in result.stdout.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { fields[String(parts[0])] = String(parts[1]) }
        }
        return fields
    }
}
