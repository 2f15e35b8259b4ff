import Foundation
import Logging
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// Stage 3 (DESIGN §2, §7): one 1080×1920 picture per scene, from the image engine, the
/// niche's style line added to every prompt so a video's pictures look like one series. A prompt
/// the provider refuses is rewritten once by the script's model, then the scene gets a title
/// card; any other failure gives a title card under `on_failure: offline`, or fails the job.
package struct ImageStage: Sendable {
    package let engines: StageEngine<any ImageEngine>
    /// The offline pictures with the niche's own pictures: every scene's when the images stage is
    /// offline, and the pictures kept behind scenes shown as clips.
    package let titleCards: TitleCards
    package let rewriter: PromptRewriter?
    package let style: String
    package let staging: URL
    package let logger: Logger

    package init(
        engines: StageEngine<any ImageEngine>, titleCards: TitleCards, rewriter: PromptRewriter?, style: String,
        staging: URL, logger: Logger
    ) {
        self.engines = engines
        self.titleCards = titleCards
        self.rewriter = rewriter
        self.style = style
        self.staging = staging
        self.logger = logger
    }

    /// Writes `images/NN.png` for every scene (through `images.partial/`, renamed at the end) and
    /// says how each was made. Scenes `shownAsClips` get the offline picture only (it stays the
    /// still should the clip fail), so no provider picture is paid for a scene shown as footage.
    /// Each finished scene is recorded (`work/image-scenes/NN.json` beside `images.partial/NN.png`),
    /// so a job stopped halfway never pays again for the pictures it already has.
    package func run(scenes: [Script.Scene], shownAsClips: Set<Int> = []) async throws -> [SceneImage] {
        let partial = staging.appendingPathComponent("images.partial")
        let records = staging.appendingPathComponent("work/image-scenes")
        try FileManager.default.createDirectory(at: partial, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: records, withIntermediateDirectories: true)
        /// The scene's picture: the one made by an earlier run, or made now and recorded.
        @Sendable func once(_ scene: Script.Scene, _ make: @Sendable () async throws -> SceneImage) async throws
            -> SceneImage
        {
            let record = records.appendingPathComponent(String(format: "%02d.json", scene.index))
            if FileManager.default.fileExists(
                atPath: partial.appendingPathComponent(ImageRenderer.fileName(scene)).path),
                let earlier = try? JSONFiles.read(SceneImage.self, from: record)
            {
                return earlier
            }
            let made = try await make()
            try JSONFiles.write(made, to: record)
            return made
        }
        var made: [SceneImage] = []
        for scene in scenes where engines.isOffline || shownAsClips.contains(scene.index) {
            let label = shownAsClips.contains(scene.index) ? "offline (scene shown as a clip)" : EngineLabel.offline
            made.append(try await once(scene) { try await card(scene, with: titleCards, label: label, prompt: nil) })
        }
        let drawn = engines.isOffline ? [] : scenes.filter { !shownAsClips.contains($0.index) }
        if engines.chosen.drawsInParallel {
            made += try await withThrowingTaskGroup(of: SceneImage.self) { group in
                for scene in drawn { group.addTask { try await once(scene) { try await picture(for: scene) } } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        } else {
            for scene in drawn { made.append(try await once(scene) { try await picture(for: scene) }) }
        }
        made.sort { $0.scene < $1.scene }
        let final = staging.appendingPathComponent("images")
        try? FileManager.default.removeItem(at: final)
        try FileManager.default.moveItem(at: partial, to: final)
        return made
    }

    /// The prompt sent for a scene: its own, with the niche's style line unless it already holds it.
    package static func prompt(for scene: Script.Scene, style: String) -> String {
        let own = scene.imagePrompt.trimmingCharacters(in: .whitespacesAndNewlines)
        return styled(own.isEmpty ? scene.keyPhrase : own, style: style)
    }

    /// `base` with the style line, unless it already holds it (a rewritten prompt gets it too).
    static func styled(_ base: String, style: String) -> String {
        guard !style.isEmpty, !base.localizedCaseInsensitiveContains(style) else { return base }
        return "\(base), \(style), vertical 9:16 composition, subject centred"
    }

    private func output(_ scene: Script.Scene) -> URL {
        staging.appendingPathComponent("images.partial/" + ImageRenderer.fileName(scene))
    }

    /// The chosen engine's picture for a scene, or the offline one's when it failed for good.
    private func picture(for scene: Script.Scene) async throws -> SceneImage {
        let prompt = Self.prompt(for: scene, style: style)
        let made = try await engines.run(logger: logger) { engine -> SceneImage in
            guard !engine.drawsFinalFrame else {
                return try await card(scene, with: engine, label: EngineLabel.offline, prompt: prompt)
            }
            return try await refusalAware(prompt, scene: scene, engine: engine)
        }
        guard let problem = made.fallback else { return made.value }
        var image = made.value
        image.fallback = "\(problem): title card"
        return image
    }

    /// A provider's picture; a prompt its safety system refuses is rewritten once by the script's
    /// model, and a scene refused again gets a title card whatever `on_failure` says.
    private func refusalAware(_ prompt: String, scene: Script.Scene, engine: any ImageEngine) async throws -> SceneImage
    {
        let label = engines.label
        do {
            try await draw(prompt, scene: scene, engine: engine)
            return SceneImage(scene: scene.index, engine: label, prompt: prompt)
        } catch let refusal as ProviderError where refusal.isContentRefusal {
            logger.warning(
                "image prompt refused", metadata: ["scene": "\(scene.index)", "said": "\(refusal.serverMessage ?? "")"])
            guard let rewriter else {
                return try await refusedCard(
                    scene, prompt: prompt,
                    fallback:
                        "the provider refused the prompt (content policy) and no script model can rewrite it: title card"
                )
            }
            let rewritten: String
            do {
                rewritten = Self.styled(
                    try await rewriter.rewrite(prompt, refusal: refusal.serverMessage), style: style)
            } catch {
                return try await refusedCard(
                    scene, prompt: prompt,
                    fallback: "the provider refused the prompt (content policy) and the rewrite failed: title card")
            }
            do {
                try await draw(rewritten, scene: scene, engine: engine)
                var made = SceneImage(scene: scene.index, engine: label, prompt: prompt)
                made.rewrittenPrompt = rewritten
                return made
            } catch let error as ProviderError where error.isContentRefusal || engines.onFailure == .offline {
                var made = try await refusedCard(
                    scene, prompt: prompt,
                    fallback: error.isContentRefusal
                        ? "the provider refused the prompt twice (content policy), the second time rewritten: title card"
                        : "\(error.problem): title card")
                made.rewrittenPrompt = rewritten
                return made
            }
        }
    }

    /// The engine's picture for a prompt, scaled and cropped to fill 1080×1920 around its centre.
    private func draw(_ prompt: String, scene: Script.Scene, engine: any ImageEngine) async throws {
        let raw = staging.appendingPathComponent(String(format: "work/images-raw/%02d.png", scene.index))
        try FileManager.default.createDirectory(at: raw.deletingLastPathComponent(), withIntermediateDirectories: true)
        try await engine.draw(prompt, scene: scene, to: raw, staging: staging)
        let renderer = titleCards.renderer
        do {
            let demuxer = try ImageRenderer.demuxer(of: raw)
            try await ExternalTool(executable: renderer.ffmpeg, workingDirectory: staging).run(
                renderer.pictureArguments(
                    asset: raw.path, demuxer: demuxer, output: "images.partial/" + ImageRenderer.fileName(scene)))
        } catch is ImageRenderer.NotAPicture {
            throw engine.unreadablePicture("the picture for scene \(scene.index) is not a PNG, JPEG or WebP picture")
        } catch let error as ExternalToolError {
            let said = Excerpt.quote(String(error.stderrTail.split(separator: "\n").last ?? ""))
            throw engine.unreadablePicture("the picture for scene \(scene.index) cannot be read by ffmpeg (\(said))")
        }
    }

    /// The offline picture of a scene, made by `cards`.
    private func card(_ scene: Script.Scene, with cards: any ImageEngine, label: String, prompt: String?) async throws
        -> SceneImage
    {
        try await cards.draw(prompt ?? scene.keyPhrase, scene: scene, to: output(scene), staging: staging)
        return SceneImage(scene: scene.index, engine: label, prompt: prompt)
    }

    /// A title card for a scene whose prompt the provider refused.
    private func refusedCard(_ scene: Script.Scene, prompt: String, fallback: String) async throws -> SceneImage {
        var made = try await card(scene, with: engines.offline, label: EngineLabel.offline, prompt: prompt)
        made.fallback = fallback
        return made
    }
}
