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

/// DESIGN §2: the published audio peaks at −1.5 dBTP at most, measured after the AAC encode —
/// which can overshoot the limiter by 2–3 dB on a hard-limited mix with music.
@Suite struct TruePeakTests {
    @Test func anEncodeThatPeaksTooHighGetsItsAudioEncodedAgainUnderTheLimit() async throws {
        let staging = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reelsmith-peak-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: staging.appendingPathComponent("work"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: staging.appendingPathComponent("images"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: staging) }
        _ = try TestSupport.run(
            "ffmpeg",
            [
                "-loglevel", "error", "-f", "lavfi", "-i", "color=c=0x2c5364:s=1080x1920", "-frames:v", "1",
                staging.appendingPathComponent("images/01.png").path,
            ])
        _ = try TestSupport.run(
            "espeak-ng",
            [
                "-v", "en-us", "-s", "175", "-w", staging.appendingPathComponent("work/voice.wav").path,
                "Rest sixty to ninety seconds between sets, and fix your plate before you train.",
            ])
        var plan = RenderPlan(
            images: ["images/01.png"], sceneStarts: [0], durationSeconds: 4, voice: "work/voice.wav",
            music: TestSupport.templates.appendingPathComponent("music/calm.mp3").path, captions: nil,
            output: "video.mp4")
        // A limit under the limiter's own ceiling (−3.1 dBFS): the first encode is sure to peak
        // above it, so the measured excess must bring the audio down.
        plan.settings.truePeakLimitDBTP = -5
        let outcome = try await VideoRenderer(ffmpeg: "ffmpeg").render(plan, staging: staging) { _ in }

        #expect(outcome.audioReencodes >= 1)
        let video = staging.appendingPathComponent("video.mp4")
        let loudness = try LoudnessMeasurement.of(video)
        #expect(loudness.truePeakDBTP <= -5, "true peak \(loudness.truePeakDBTP) dBTP")
        #expect(abs(loudness.truePeakDBTP - (outcome.truePeakDBTP ?? .nan)) <= 0.1)
        #expect(abs(loudness.integratedLUFS - -14) <= 1, "integrated \(loudness.integratedLUFS) LUFS")
        let probe = try Probe.of(video)
        #expect(probe.video?.width == 1080 && probe.video?.height == 1920 && probe.video?.avg_frame_rate == "30/1")
        #expect(abs(probe.durationSeconds - 4) <= 0.1)
        #expect(try MP4Boxes.topLevel(video).firstIndex(of: "moov")! < MP4Boxes.topLevel(video).firstIndex(of: "mdat")!)
        #expect(TestSupport.contents(of: staging.appendingPathComponent("work")) == ["voice.wav"])
    }

    @Test func theTruePeakIsReadFromEbur128sSummary() {
        let log = """
            [Parsed_ebur128_0 @ 0x55] Summary:

              Integrated loudness:
                I:         -14.1 LUFS
                Threshold: -24.1 LUFS

              True peak:
                Peak:       -3.2 dBFS
            """
        #expect(RenderPlan.truePeak(fromAnalysisLog: log) == -3.2)
        #expect(RenderPlan.truePeak(fromAnalysisLog: "no summary") == nil)
        var plan = RenderPlan(
            images: [], sceneStarts: [0], durationSeconds: 1, voice: "v.wav", music: nil, captions: nil, output: "o.mp4"
        )
        #expect(plan.audioGraph.contains("alimiter=limit=0.6998:"))
        plan.limiterCeilingDB = -6
        #expect(plan.audioGraph.contains("alimiter=limit=0.5012:"))
        let again = plan.audioReplacementArguments(video: "work/first.mp4", output: "work/second.mp4")
        #expect(again.contains("copy") && again.last == "work/second.mp4")
        #expect(again[again.firstIndex(of: "work/first.mp4")! - 1] == "-i")
        #expect(again[again.firstIndex(of: "-map")! + 1] == "1:v:0")
    }
}
