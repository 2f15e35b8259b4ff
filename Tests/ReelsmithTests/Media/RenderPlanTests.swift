import Foundation
import Testing
@testable import Reelsmith

@Suite struct RenderPlanTests {
    let plan = RenderPlan(
        images: ["images/01.png", "images/02.png", "images/03.png"], sceneStarts: [0, 4, 9], durationSeconds: 12,
        voice: "work/voice.wav", music: "/music/calm.mp3", captions: "captions.ass", output: "video.mp4")

    @Test func oneProcessOneGraphWithTheDeliveryFormat() {
        let arguments = plan.arguments
        #expect(arguments.filter { $0 == "-filter_complex" }.count == 1)
        #expect(arguments.filter { $0 == "-i" }.count == 5)
        for (flag, value) in [
            ("-c:v", "libx264"), ("-profile:v", "high"), ("-pix_fmt", "yuv420p"), ("-r", "30"), ("-ar", "48000"),
            ("-movflags", "+faststart"), ("-c:a", "aac"), ("-t", "12.000"), ("-progress", "pipe:1"),
        ] {
            let position = arguments.firstIndex(of: flag)
            #expect(position.map { arguments[$0 + 1] } == value, "\(flag)")
        }
        #expect(!plan.videoGraph.contains("zoompan"))
    }

    @Test func clipsOverlapByOneCrossfadeAndCoverTheVoice() {
        let clips = plan.clips
        #expect(clips.count == 3)
        #expect(clips[0].start == 0)
        #expect(abs(clips[1].start - (4 - plan.crossfade / 2)) < 1e-9)
        #expect(abs(clips[2].start + clips[2].length - 12) < 1e-9)
        for (a, b) in zip(clips, clips.dropFirst()) {
            #expect(abs((a.start + a.length) - (b.start + plan.crossfade)) < 1e-9)
        }
    }

    @Test func musicIsLoopedDuckedAndOnlyAnInputArgument() {
        #expect(plan.arguments.contains("-stream_loop"))
        #expect(plan.audioMixGraph.contains("sidechaincompress"))
        #expect(!plan.videoGraph.contains("calm.mp3") && !plan.audioGraph.contains("calm.mp3"))
    }

    @Test func graphValuesAreEscapedAtBothLevels() {
        #expect(FilterGraph.escapeValue("a'b:c,d[e];f\\g") == #"a\\\'b\\:c\,d\[e\]\;f\\\\g"#)
    }

    @Test func loudnessIsReadFromTheEbur128Summary() {
        let log = "[Parsed_ebur128_0 @ 0x1] Summary:\n\n  Integrated loudness:\n    I:         -23.4 LUFS\n    Threshold: -33.9 LUFS\n"
        #expect(RenderPlan.integratedLoudness(fromAnalysisLog: log) == -23.4)
    }
}
