import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// Stage 3b: one 1080×1920 picture per scene in `images/`, how each was made in
/// `work/images.json`. Scenes shown as clips get the offline picture only.
struct ImagesStep: JobStep {
    package static let stage = Stage.images
    package let context: JobContext
    package let script: Script
    package let shownAsClips: Set<Int>
    var proof: [String] { script.scenes.map { "images/" + ImageRenderer.fileName($0) } + ["work/images.json"] }

    package func make() async throws -> [SceneImage] {
        let engines = context.engines
        let stage = ImageStage(
            engines: engines.images, titleCards: engines.titleCards, rewriter: engines.promptRewriter,
            style: context.template.imageStyle, staging: context.staging, logger: context.logger)
        let made = try await stage.run(scenes: script.scenes, shownAsClips: shownAsClips)
        try JSONFiles.write(made, to: context.file("work/images.json"))
        return made
    }

    package func reuse() throws -> [SceneImage] {
        try JSONFiles.read([SceneImage].self, from: context.file("work/images.json"))
    }
}
