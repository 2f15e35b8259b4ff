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

/// Videos made of clips (issue 9), rendered by real ffmpeg and measured: each scene shows its
/// clip's colour and moves, every shape of clip fills 1080×1920, a short clip covers its scene,
/// and the video still meets the delivery spec. Serialized: they render video.
@Suite(.serialized) struct ClipRenderTests {
    @Test func scenesShowTheirMatchingClipsMovingAndTheVideoMeetsTheSpec() async throws {
        let workspace = try ClipFixtures.workspaceWithOwnTemplates()
        let fitness = ClipFixtures.assets(workspace, "fitness")
        let shared = ClipFixtures.assets(workspace, "_all")
        // Named after the fitness template's clip terms: scene N's niche term names clip N.
        try ClipFixtures.movingClip(
            .red, width: 1080, height: 1920, seconds: 8, at: fitness.appendingPathComponent("gym-workout.mp4"))
        try ClipFixtures.movingClip(
            .green, width: 1920, height: 1080, seconds: 8, audio: true, at: fitness.appendingPathComponent("clip-b.mp4")
        )
        _ = try TestSupport.write("clip-b.mp4: [home, workout]\n", to: fitness, name: "clips.yaml")
        try ClipFixtures.movingClip(
            .blue, width: 1080, height: 1080, seconds: 1.5, at: shared.appendingPathComponent("clip-c.mp4"))
        _ = try TestSupport.write("running", to: shared, name: "clip-c.txt")
        _ = try TestSupport.write("", to: fitness, name: "broken.mp4")
        let request = try TestSupport.write(
            "niche: fitness\ntopic: the morning workout\nlanguage: en\nduration: 20\nimages: 3\n",
            to: workspace.inbox.appendingPathComponent("requests"), name: "clips.yaml")

        let pipeline = GenerationPipeline(workspace: workspace, index: try LearningIndex(url: workspace.indexFile))
        let published = try await pipeline.run(requestFile: request)
        let video = published.folder.appendingPathComponent("video.mp4")
        let report = try JSONFiles.read(
            GenerationReport.self, from: published.folder.appendingPathComponent("report.json"))
        let plan = try #require(report.clips)

        // The plan: terms per scene, the clip each one matched, why; the broken file is named.
        #expect(plan.scenes.map(\.terms.first) == ["gym workout", "home workout", "running"])
        #expect(
            plan.scenes.map { $0.clip.map { ($0 as NSString).lastPathComponent } } == [
                "gym-workout.mp4", "clip-b.mp4", "clip-c.mp4",
            ])
        #expect(plan.scenes.allSatisfy { $0.source == "library" && $0.reason.hasPrefix("library:") })
        #expect(plan.warnings.contains { $0.contains(fitness.appendingPathComponent("broken.mp4").path) })
        #expect(report.stageTimings.map(\.stage).contains(.clips))

        // Each scene's middle shows its clip's colour, and moves (frames 0.3 s apart differ).
        let timings = try JSONFiles.read(
            VoiceTimings.self, from: published.folder.appendingPathComponent("timings.json"))
        let starts = timings.sceneStarts(sceneCount: 3)
        let ends = Array(starts.dropFirst()) + [timings.durationSeconds]
        // The scene's first shot (issue 21: a scene longer than a shot cuts to other clips).
        for (scene, expected) in zip(0..<3, [ClipFixtures.Tint.red, .green, .blue]) {
            let middle = starts[scene] + min(0.7, (ends[scene] - starts[scene]) / 2)
            let colour = try ClipFixtures.meanColour(of: video, at: middle)
            #expect(ClipFixtures.tint(of: colour) == expected, "scene \(scene + 1) at \(middle) s: \(colour)")
            let change = try ClipFixtures.difference(of: video, at: middle - 0.15, and: middle + 0.15)
            #expect(change > 3, "scene \(scene + 1) barely changes (\(change)): a still, not footage")
        }

        // The delivery spec, unchanged (a clip's own sound is dropped: loudness is the voice's).
        let probe = try Probe.of(video)
        #expect(
            probe.video?.codec_name == "h264" && probe.video?.profile == "High" && probe.video?.pix_fmt == "yuv420p")
        #expect(probe.video?.width == 1080 && probe.video?.height == 1920)
        #expect(probe.video?.r_frame_rate == "30/1" && probe.video?.avg_frame_rate == "30/1")
        #expect(probe.audio?.codec_name == "aac" && probe.audio?.sample_rate == "48000")
        #expect(abs(probe.durationSeconds - timings.durationSeconds) <= 0.1)
        let loudness = try LoudnessMeasurement.of(video)
        #expect(abs(loudness.integratedLUFS - -14) <= 1, "integrated \(loudness.integratedLUFS) LUFS")
        #expect(loudness.truePeakDBTP <= -1.5, "true peak \(loudness.truePeakDBTP) dBTP")
    }

    @Test func landscapeSquareAndPortraitClipsFillTheFrameAndAShortClipCoversItsScene() async throws {
        let staging = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reelsmith-clip-fill-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(
            at: staging.appendingPathComponent("work"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: staging) }
        let voice = try TestSupport.run(
            "ffmpeg",
            [
                "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=300:duration=12",
                "-ac", "1",
                "-c:a", "pcm_s16le", staging.appendingPathComponent("work/voice.wav").path,
            ])
        #expect(voice.status == 0)
        let landscape = try ClipFixtures.flatClip(
            .red, width: 1920, height: 1080, seconds: 5, at: staging.appendingPathComponent("landscape.mp4"))
        let square = try ClipFixtures.flatClip(
            .green, width: 1080, height: 1080, seconds: 5, at: staging.appendingPathComponent("square.mp4"))
        let portrait = try ClipFixtures.flatClip(
            .blue, width: 720, height: 1280, seconds: 1, at: staging.appendingPathComponent("portrait.mp4"))
        var plan = RenderPlan(
            images: ["unused-1.png", "unused-2.png", "unused-3.png"], sceneStarts: [0, 4, 8], durationSeconds: 12,
            voice: "work/voice.wav", music: nil, captions: nil, output: "video.mp4")
        plan.clips = [
            0: SceneClip(path: landscape.path, durationSeconds: 5), 1: SceneClip(path: square.path, durationSeconds: 5),
            2: SceneClip(path: portrait.path, durationSeconds: 1),
        ]
        try await VideoRenderer(ffmpeg: "ffmpeg").render(plan, staging: staging) { _ in }
        let video = staging.appendingPathComponent("video.mp4")
        let probe = try Probe.of(video)
        #expect(probe.video?.width == 1080 && probe.video?.height == 1920)
        #expect(abs(probe.durationSeconds - 12) <= 0.1)

        let edges = ["1080:24:0:0", "1080:24:0:1896", "24:1920:0:0", "24:1920:1056:0"]
        for (times, expected) in [
            ([1.0, 3.0], ClipFixtures.Tint.red), ([5.0, 7.0], .green), ([9.0, 10.5, 11.8], .blue),
        ] {
            for time in times {
                for edge in edges {
                    let colour = try ClipFixtures.meanColour(of: video, at: time, crop: edge)
                    #expect(
                        ClipFixtures.tint(of: colour) == expected,
                        "at \(time) s, edge \(edge): \(colour) (a black bar?)")
                    #expect(max(colour.r, colour.g, colour.b) > 200, "at \(time) s, edge \(edge) is dark: \(colour)")
                }
            }
        }
    }

    @Test func aClipDeletedBeforeAResumedRenderLeavesItsSceneAStill() async throws {
        let workspace = try ClipFixtures.workspaceWithOwnTemplates()
        let request = try TestSupport.write(
            "niche: fitness\ntopic: the morning workout\nlanguage: en\nduration: 15\nimages: 2\n",
            to: workspace.inbox.appendingPathComponent("requests"), name: "gone.yaml")
        // A job stopped after its clips stage chose a library file the creator has since deleted.
        let gone = ClipFixtures.assets(workspace, "fitness").appendingPathComponent("gym-workout.mp4").path
        let staging = workspace.staging.appendingPathComponent(
            GenerationPipeline.jobId(forContent: try Data(contentsOf: request)))
        try FileManager.default.createDirectory(
            at: staging.appendingPathComponent("work"), withIntermediateDirectories: true)
        try JSONFiles.write(
            ClipPlan(
                visuals: .auto,
                scenes: [
                    .init(
                        scene: 1, terms: ["gym workout"], clip: gone, source: "library", reason: "library: gym",
                        durationSeconds: 8),
                    .init(scene: 2, terms: ["home workout"], clip: nil, source: "still", reason: "no clip matched"),
                ], warnings: []),
            to: staging.appendingPathComponent("work/clips.json"))

        let pipeline = GenerationPipeline(workspace: workspace, index: try LearningIndex(url: workspace.indexFile))
        let published = try await pipeline.run(requestFile: request)
        let report = try JSONFiles.read(
            GenerationReport.self, from: published.folder.appendingPathComponent("report.json"))
        let plan = try #require(report.clips)
        #expect(plan.scenes.map(\.source) == ["still", "still"])
        #expect(plan.scenes[0].clip == nil && plan.scenes[0].reason.contains("deleted"))
        #expect(plan.warnings.contains { $0.contains(gone) })
        let probe = try Probe.of(published.folder.appendingPathComponent("video.mp4"))
        #expect(probe.video?.width == 1080 && probe.video?.height == 1920)
    }
}
