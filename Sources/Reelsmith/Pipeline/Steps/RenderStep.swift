import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// Stage 6: `video.mp4` and `thumbnail.jpg`, in one ffmpeg process (DESIGN §2).
struct RenderStep: JobStep {
    package static let stage = Stage.render
    package let context: JobContext
    package let script: Script
    package let clips: ClipPlan
    package let timings: VoiceTimings
    package let progress: (@Sendable (Stage, Double) -> Void)?
    var proof: [String] { ["video.mp4", "thumbnail.jpg"] }

    package func make() async throws {
        let pipeline = context.pipeline
        // A new shot every few seconds (issue 21), cut between the voice's words.
        let shotPlan = ShotPlan(
            words: timings.words, sceneStarts: timings.sceneStarts(sceneCount: script.scenes.count),
            durationSeconds: timings.durationSeconds, longestSeconds: pipeline.settings.shotSeconds,
            shortestSeconds: pipeline.settings.minimumShotSeconds)
        let clipLists = await clips.sceneClipLists(ffprobe: pipeline.tools.ffprobe)
        let scenes = script.scenes.enumerated().map { position, scene in
            ShotList.SceneVisuals(
                pictures: ImageRenderer.pictures(of: scene, in: context.staging),
                clips: position < clipLists.count ? clipLists[position] : [])
        }
        let shots = ShotList(plan: shotPlan, scenes: scenes, durationSeconds: timings.durationSeconds)
        var plan = RenderPlan(
            images: shots.images, sceneStarts: shots.starts, durationSeconds: timings.durationSeconds,
            voice: "work/voice.wav", music: try musicFile(), captions: "captions.ass", output: "video.mp4",
            settings: pipeline.settings, clips: shots.clips)
        plan.framings = shots.framings
        plan.cardLayers = CardLayers.present(in: plan, staging: context.staging)
        // Hard cuts between a scene's shots, and into a new scene unless a crossfade is asked for
        // (issue 21): a crossfade costs 0.5–0.8 s CPU more than a cut (`reelsmith bench render`).
        plan.crossfadedShots = pipeline.settings.sceneTransition == .crossfade ? shots.sceneOpenings : []
        plan.sceneOpenings = shots.sceneOpenings
        let reporter = RenderProgress(jobId: context.id, index: pipeline.index, progress: progress)
        try await VideoRenderer(ffmpeg: pipeline.tools.ffmpeg).render(plan, staging: context.staging) {
            reporter.report($0)
        }
    }

    package func reuse() throws {}

    /// The request's music: a file of `templates/music/` named without its extension.
    private func musicFile() throws -> String? {
        guard let name = context.request.music else { return nil }
        let folder = context.pipeline.workspace.music
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        guard let match = names.sorted().first(where: { ($0 as NSString).deletingPathExtension == name }) else {
            throw InputError(
                .invalidValue(key: "music"), file: "request.yaml",
                problem: "no music named `\(name)` in templates/music/",
                fix: "add the file or write `music: none`")
        }
        return folder.appendingPathComponent(match).path
    }
}
