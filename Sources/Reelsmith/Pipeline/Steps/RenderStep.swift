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
        var plan = RenderPlan(
            images: script.scenes.map { "images/" + ImageRenderer.fileName($0) },
            sceneStarts: timings.sceneStarts(sceneCount: script.scenes.count), durationSeconds: timings.durationSeconds,
            voice: "work/voice.wav", music: try musicFile(), captions: "captions.ass", output: "video.mp4",
            settings: pipeline.settings)
        plan.clips = await clips.sceneClips(ffprobe: pipeline.tools.ffprobe)
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
