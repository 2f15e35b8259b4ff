import Foundation

/// The images stage's offline engine: the niche's own pictures (`templates/assets/<niche>/`), else
/// a designed title card with the scene's key phrase on the niche's palette.
struct TitleCards: ImageEngine {
    let renderer: ImageRenderer
    let palette: [String]
    /// The niche's own pictures, used in turn; empty: title cards only.
    let assets: [URL]
    var drawsInParallel: Bool { false }
    var drawsFinalFrame: Bool { true }

    /// The same cards without the niche's pictures: what a scene gets when its provider failed.
    var withoutAssets: TitleCards { TitleCards(renderer: renderer, palette: palette, assets: []) }

    func draw(_ prompt: String, scene: Script.Scene, to output: URL, staging: URL) async throws {
        let base = staging.standardizedFileURL.path + "/"
        let path = output.standardizedFileURL.path
        let relative = path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
        try await renderer.render(scene: scene, palette: palette, assets: assets, staging: staging, output: relative)
    }

    /// Never asked: a title card is drawn by our own ffmpeg graph, not read back.
    func unreadablePicture(_ problem: String) -> any Error { ImageRenderer.NotAPicture(file: problem) }
}
