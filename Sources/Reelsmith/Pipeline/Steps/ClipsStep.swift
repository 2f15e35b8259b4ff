import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// Stage 3a: each scene's clip, from the creator's library or the stock provider, in
/// `work/clips.json` (issue 9). Scenes without one keep their still.
struct ClipsStep: JobStep {
    package static let stage = Stage.clips
    package let context: JobContext
    package let script: Script
    var proof: [String] { ["work/clips.json"] }

    package func make() async throws -> ClipPlan {
        let pipeline = context.pipeline
        let clips = context.engines.clips
        var stage = ClipStage(
            library: ClipLibrary(
                assets: pipeline.workspace.templates.appendingPathComponent("assets"), index: pipeline.index,
                ffprobe: pipeline.tools.ffprobe),
            stock: clips.searchesStock ? clips : nil, logger: context.logger)
        stage.shotSeconds = pipeline.settings.shotSeconds
        let plan = try await stage.plan(script: script, request: context.request, templates: context.templates)
        try FileManager.default.createDirectory(at: context.file("work"), withIntermediateDirectories: true)
        try JSONFiles.write(plan, to: context.file("work/clips.json"))
        return plan
    }

    package func reuse() throws -> ClipPlan { try JSONFiles.read(ClipPlan.self, from: context.file("work/clips.json")) }
}
