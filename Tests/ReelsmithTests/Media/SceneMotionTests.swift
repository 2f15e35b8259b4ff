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

/// Issue 14: every frame of a still's scene moves, evenly — measured with ffmpeg on a real render.
@Suite struct SceneMotionTests {
    @Test func zoomedAndPannedStillsMoveEveryFrameEvenly() async throws {
        let staging = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reelsmith-motion-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: staging.appendingPathComponent("work"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: staging) }
        // Real title cards: text edges in the measured band are what a stutter shows on.
        let scenes = (1...3).map {
            Script.Scene(
                index: $0, narration: "", keyPhrase: "Slow down the lowering part of every rep", imagePrompt: "")
        }
        try await ImageRenderer(ffmpeg: "ffmpeg", fontFile: Tools().fontFile)
            .render(scenes: scenes, palette: ["#0f2027", "#2c5364"], assets: [], staging: staging)
        _ = try TestSupport.run(
            "ffmpeg",
            [
                "-loglevel", "error", "-f", "lavfi", "-i", "sine=frequency=220:duration=7.8", "-ac", "1", "-c:a",
                "pcm_s16le",
                staging.appendingPathComponent("work/voice.wav").path,
            ])
        var settings = RenderSettings()
        settings.motion = .mixed
        let plan = RenderPlan(
            images: ["images/01.png", "images/02.png", "images/03.png"], sceneStarts: [0, 2.6, 5.2],
            durationSeconds: 7.8,
            voice: "work/voice.wav", music: nil, captions: nil, output: "video.mp4", settings: settings)
        #expect(plan.sceneMotions == [.zoomIn, .zoomOut, .panLeft])
        try await VideoRenderer(ffmpeg: "ffmpeg").render(plan, staging: staging) { _ in }

        let video = staging.appendingPathComponent("video.mp4")
        let probe = try Probe.of(video)
        #expect(probe.video?.width == 1080 && probe.video?.height == 1920)
        #expect(abs(probe.durationSeconds - 7.8) < 0.1)
        // 2 s inside each scene, clear of the crossfades (2.4–2.8 s and 5.0–5.4 s).
        for (start, motion) in [(0.2, "zoom in"), (2.9, "zoom out"), (5.5, "pan left")] {
            let smoothness = try await MotionSmoothness.measure(video: video, fromSeconds: start)
            #expect(smoothness.differences.count >= 55, "\(motion)")
            #expect(smoothness.frozenShare <= 0.10, "\(motion): \(smoothness.differences)")
            #expect(smoothness.largestJumpOverMedian <= 4, "\(motion): \(smoothness.differences)")
        }
    }

    @Test func theMeasureTellsAStutterFromAnEvenMotion() {
        // Today's zoom before issue 14: frozen frames (encoder noise) and a jump every 8–13 frames.
        let stutter = MotionSmoothness(differences: (0..<60).map { $0 % 10 == 9 ? 2.8 : 0.003 })
        #expect(stutter.frozenShare == 0.9)
        #expect(stutter.largestJumpOverMedian > 100)
        let even = MotionSmoothness(differences: (0..<60).map { 0.3 + Double($0 % 3) * 0.02 })
        #expect(even.frozenShare == 0)
        #expect(even.largestJumpOverMedian < 1.2)
        let output =
            "frame:0    pts:1      pts_time:0.0333\nlavfi.signalstats.YAVG=0.281\nframe:1\nlavfi.signalstats.YAVG=0.3\n"
        #expect(MotionSmoothness.differences(fromMetadata: output) == [0.281, 0.3])
    }

    @Test func stillsStandStillAndEveryChainGivesItsFrames() {
        let settings = RenderSettings()
        #expect(SceneMotion.still.filterChain(frames: 90, settings: settings).contains("loop=loop=89:size=1"))
        for motion in SceneMotion.allCases where motion != .still {
            let chain = motion.filterChain(frames: 90, settings: settings)
            #expect(chain.hasSuffix("trim=end_frame=90"), "\(motion)")
            // A short shot: its frames all the same, fewer keys (it travels its share of 8 s).
            let short = motion.filterChain(frames: 20, settings: settings)
            #expect(short.hasSuffix("trim=end_frame=20"), "\(motion)")
            let keys = short.firstMatch(of: /loop=loop=(\d+):/).flatMap { Int($0.1) } ?? 99
            #expect(keys < 19, "\(motion): \(short)")
        }
    }
}
