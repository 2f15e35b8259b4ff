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
            ("-x264-params", "mbtree=0"),
        ] {
            let position = arguments.firstIndex(of: flag)
            #expect(position.map { arguments[$0 + 1] } == value, "\(flag)")
        }
        #expect(!plan.videoGraph.contains("zoompan"))
    }

    @Test func scenesOverlapByOneCrossfadeCentredOnTheSceneChangeAndCoverTheVoice() {
        let timeline = plan.timeline
        #expect(timeline.crossfadeFrames == 12)
        #expect(timeline.totalFrames == 360)
        #expect(timeline.scenes == [0..<126, 114..<276, 264..<360])
        // Bodies and crossfades add up to every frame of the video, once.
        let shown = timeline.scenes.indices.map {
            timeline.pieces(ofScene: $0).first { $0.label == "body" }!.frames.count
        }
        #expect(shown.reduce(0, +) + 2 * timeline.crossfadeFrames == timeline.totalFrames)
        #expect(timeline.pieces(ofScene: 1).map(\.frames) == [0..<12, 12..<150, 150..<162])
    }

    @Test func scenesTooShortForTheCrossfadeKeepAFrameOfTheirOwn() {
        let timeline = SceneTimeline(
            sceneStarts: [0, 0.2, 0.4], durationSeconds: 0.6, crossfadeSeconds: 0.4, framesPerSecond: 30)
        for index in timeline.scenes.indices {
            #expect(timeline.pieces(ofScene: index).allSatisfy { !$0.frames.isEmpty }, "\(timeline)")
        }
        let empty = SceneTimeline(
            sceneStarts: [0, 1, 1], durationSeconds: 2, crossfadeSeconds: 0.4, framesPerSecond: 30)
        #expect(empty.crossfadeFrames == 0 && empty.scenes.allSatisfy { !$0.isEmpty })
    }

    @Test func mixedMotionNeverRepeatsBetweenConsecutiveScenes() {
        for count in 1...12 {
            let motions = Motion.mixed.sceneMotions(count: count)
            #expect(motions.count == count)
            #expect(zip(motions, motions.dropFirst()).allSatisfy { $0 != $1 }, "\(motions)")
        }
        #expect(Motion.mixed.sceneMotions(count: 4) == [.zoomIn, .zoomOut, .panLeft, .panRight])
        #expect(Motion.zoom.sceneMotions(count: 3) == [.zoomIn, .zoomOut, .zoomIn])
        #expect(Motion.pan.sceneMotions(count: 2) == [.panLeft, .panRight])
        #expect(Motion.none.sceneMotions(count: 2) == [.still, .still])
    }

    @Test func onlyKeyPositionsAreScaledAndTheCrossfadesAloneGoThroughXfade() {
        var settings = RenderSettings()
        settings.motion = .mixed
        let graph = RenderPlan(
            images: plan.images, sceneStarts: plan.sceneStarts, durationSeconds: 12, voice: "work/voice.wav",
            captions: "captions.ass", output: "video.mp4", settings: settings
        ).videoGraph
        // A 6 % zoom over 8 s of a 1080 px picture: the 4.2 s scene's share, 18 key widths 2 px
        // apart, blended into its 126 frames (the 5.4 s one: 23 keys).
        #expect(graph.contains("[0:v]loop=loop=17:size=1:start=0,settb=1/510,setpts=N*125,scale=w=1080+2*n:"))
        #expect(graph.contains("[1:v]loop=loop=22:size=1:start=0,settb=1/660,setpts=N*161,scale=w=1080+2*(22-n):"))
        // A pan: the picture scaled once to 1106 px (the 3.2 s scene's share), the window moved 1 px per key.
        #expect(graph.contains("[2:v]scale=1106:1966:flags=bicubic,format=yuv444p,loop=loop=26:"))
        #expect(graph.components(separatedBy: "framerate=fps=30:interp_start=0:interp_end=255").count == 4)
        #expect(graph.components(separatedBy: "xfade=").count == 3)
        #expect(
            graph.contains(
                "[body0][fade1][body1][fade2][body2]concat=n=5:v=1:a=0,ass=filename=captions.ass,format=yuv420p[vout]"))
        #expect(!graph.contains("zoompan"))
        // One scene: no crossfade, no concat.
        let single = RenderPlan(
            images: ["images/01.png"], sceneStarts: [0], durationSeconds: 5, voice: "work/voice.wav",
            captions: nil, output: "video.mp4", settings: settings
        ).videoGraph
        #expect(single.hasSuffix("trim=end_frame=150,setsar=1[body0];[body0]format=yuv420p[vout]"))
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
        let log =
            "[Parsed_ebur128_0 @ 0x1] Summary:\n\n  Integrated loudness:\n    I:         -23.4 LUFS\n    Threshold: -33.9 LUFS\n"
        #expect(RenderPlan.integratedLoudness(fromAnalysisLog: log) == -23.4)
    }
}

/// Hard cuts between a scene's shots, crossfades only into a new scene (issue 21: a crossfade on
/// every cut kept the render above 2× the still floor).
@Suite struct RenderPlanCutTests {
    var plan: RenderPlan {
        var plan = RenderPlan(
            images: ["images/01-beat1.png", "images/01.png", "images/02-beat1.png", "images/02.png"],
            sceneStarts: [0, 3, 6, 9], durationSeconds: 12, voice: "work/voice.wav", captions: "captions.ass",
            output: "video.mp4")
        plan.crossfadedShots = [2]
        return plan
    }

    @Test func onlyTheShotsOpeningAScenesCrossfadeTheOthersCutHard() {
        let plan = plan
        #expect(plan.videoGraph.components(separatedBy: "xfade=").count - 1 == 1)
        let timeline = plan.timeline
        #expect(timeline.crossfadeFrames == 12)
        // Shots 0 and 1 meet on frame 90 exactly (a cut), 1 and 2 overlap by the crossfade.
        #expect(timeline.scenes == [0..<90, 90..<186, 174..<270, 270..<360])
        #expect(timeline.pieces(ofScene: 1).map(\.label) == ["body", "tail"])
        #expect(timeline.pieces(ofScene: 2).map(\.label) == ["head", "body"])
        #expect(timeline.pieces(ofScene: 3).map(\.label) == ["body"])
        let shown = timeline.scenes.indices.map {
            timeline.pieces(ofScene: $0).first { $0.label == "body" }!.frames.count
        }
        #expect(shown.reduce(0, +) + timeline.crossfadeFrames == timeline.totalFrames)
        var everyCut = plan
        everyCut.crossfadedShots = nil
        #expect(everyCut.videoGraph.components(separatedBy: "xfade=").count - 1 == 3)
    }

    @Test func theThumbnailShowsTheFirstScenesLastShotNotAPartialBeat() {
        var plan = plan
        plan.sceneOpenings = [2]
        #expect(plan.thumbnailSeconds == 4.5)
        plan.sceneOpenings = []
        #expect(plan.thumbnailSeconds == 10.5)
        plan.sceneOpenings = nil
        #expect(plan.thumbnailSeconds == 1.0)
    }
}
