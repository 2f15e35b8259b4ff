import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// The images stage's offline engine: the niche's own pictures (`templates/assets/<niche>/`), else
/// a designed title card with the scene's key phrase on the niche's palette.
package struct TitleCards: ImageEngine {
    package let renderer: ImageRenderer
    package let palette: [String]
    /// The niche's own pictures, used in turn; empty: title cards only.
    package let assets: [URL]
    package var drawsInParallel: Bool { false }
    package var drawsFinalFrame: Bool { true }

    /// The same cards without the niche's pictures: what a scene gets when its provider failed.
    var withoutAssets: TitleCards { TitleCards(renderer: renderer, palette: palette, assets: []) }

    package func draw(_ prompt: String, scene: Script.Scene, to output: URL, staging: URL) async throws {
        let base = staging.standardizedFileURL.path + "/"
        let path = output.standardizedFileURL.path
        let relative = path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
        try await renderer.render(scene: scene, palette: palette, assets: assets, staging: staging, output: relative)
    }

    /// Never asked: a title card is drawn by our own ffmpeg graph, not read back.
    package func unreadablePicture(_ problem: String) -> any Error { ImageRenderer.NotAPicture(file: problem) }
}
