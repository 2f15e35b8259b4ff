import Foundation
import Logging

/// Stage 3 (DESIGN §2, §7): one 1080×1920 picture per scene, from the image engine, the
/// niche's style line added to every prompt so a video's pictures look like one series. A prompt
/// the provider refuses is rewritten once by the script's model, then the scene gets a title
/// card; any other failure gives a title card under `on_failure: offline`, or fails the job.
struct ImageStage: Sendable {
    let engine: (any ImageEngine)?
    let label: String
    let rewriter: PromptRewriter?
    let onFailure: EngineSettings.FailurePolicy
    let renderer: ImageRenderer
    let palette: [String]
    let style: String
    let assets: [URL]
    let staging: URL
    let logger: Logger

    /// Writes `images/NN.png` for every scene (through `images.partial/`, renamed at the end) and
    /// says how each was made. Scenes `shownAsClips` get the offline picture only (it stays the
    /// still should the clip fail), so no provider picture is paid for a scene shown as footage.
    func run(scenes: [Script.Scene], shownAsClips: Set<Int> = []) async throws -> [SceneImage] {
        let partial = staging.appendingPathComponent("images.partial")
        try? FileManager.default.removeItem(at: partial)
        try FileManager.default.createDirectory(at: partial, withIntermediateDirectories: true)
        var made: [SceneImage] = []
        for scene in scenes where engine == nil || shownAsClips.contains(scene.index) {
            made.append(
                try await card(
                    scene, engine: shownAsClips.contains(scene.index) ? "offline (scene shown as a clip)" : EngineChoice.offline.label,
                    prompt: nil, fallback: nil))
        }
        let drawn = scenes.filter { !shownAsClips.contains($0.index) }
        if let engine, engine.parallel {
            made += try await withThrowingTaskGroup(of: SceneImage.self) { group in
                for scene in drawn { group.addTask { try await picture(for: scene, engine: engine) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        } else if let engine {
            for scene in drawn { made.append(try await picture(for: scene, engine: engine)) }
        }
        made.sort { $0.scene < $1.scene }
        let final = staging.appendingPathComponent("images")
        try? FileManager.default.removeItem(at: final)
        try FileManager.default.moveItem(at: partial, to: final)
        return made
    }

    /// The prompt sent for a scene: its own, with the niche's style line unless it already holds it.
    static func prompt(for scene: Script.Scene, style: String) -> String {
        let own = scene.imagePrompt.trimmingCharacters(in: .whitespacesAndNewlines)
        return styled(own.isEmpty ? scene.keyPhrase : own, style: style)
    }

    /// `base` with the style line, unless it already holds it (a rewritten prompt gets it too).
    static func styled(_ base: String, style: String) -> String {
        guard !style.isEmpty, !base.localizedCaseInsensitiveContains(style) else { return base }
        return "\(base), \(style), vertical 9:16 composition, subject centred"
    }

    private func output(_ scene: Script.Scene) -> String { "images.partial/" + ImageRenderer.fileName(scene) }

    private func picture(for scene: Script.Scene, engine: any ImageEngine) async throws -> SceneImage {
        let prompt = Self.prompt(for: scene, style: style)
        do {
            try await draw(prompt, scene: scene, engine: engine)
            return SceneImage(scene: scene.index, engine: label, prompt: prompt)
        } catch let refusal as ProviderError where refusal.isContentRefusal {
            logger.warning("image prompt refused", metadata: ["scene": "\(scene.index)", "said": "\(refusal.serverMessage ?? "")"])
            guard let rewriter else {
                return try await card(
                    scene, engine: label, prompt: prompt,
                    fallback: "the provider refused the prompt (content policy) and no script model can rewrite it: title card")
            }
            let rewritten: String
            do {
                rewritten = Self.styled(try await rewriter.rewrite(prompt, refusal: refusal.serverMessage), style: style)
            } catch {
                return try await card(
                    scene, engine: label, prompt: prompt,
                    fallback: "the provider refused the prompt (content policy) and the rewrite failed: title card")
            }
            do {
                try await draw(rewritten, scene: scene, engine: engine)
                var made = SceneImage(scene: scene.index, engine: label, prompt: prompt)
                made.rewrittenPrompt = rewritten
                return made
            } catch let error as ProviderError where error.isContentRefusal || onFailure == .offline {
                var made = try await card(
                    scene, engine: label, prompt: prompt,
                    fallback: error.isContentRefusal
                        ? "the provider refused the prompt twice (content policy), the second time rewritten: title card"
                        : "\(error.problem): title card")
                made.rewrittenPrompt = rewritten
                return made
            }
        } catch let error as ProviderError where onFailure == .offline {
            logger.warning("image provider failed, title card", metadata: ["scene": "\(scene.index)", "error": "\(error)"])
            return try await card(scene, engine: label, prompt: prompt, fallback: "\(error.problem): title card")
        } catch let error as CommandRun.Failure where onFailure == .offline {
            logger.warning("image command failed, title card", metadata: ["scene": "\(scene.index)", "error": "\(error)"])
            return try await card(scene, engine: label, prompt: prompt, fallback: "\(error.problem): title card")
        }
    }

    /// The engine's picture for a prompt, scaled and cropped to fill 1080×1920 around its centre.
    private func draw(_ prompt: String, scene: Script.Scene, engine: any ImageEngine) async throws {
        let raw = staging.appendingPathComponent(String(format: "work/images-raw/%02d", scene.index))
        try FileManager.default.createDirectory(at: raw.deletingLastPathComponent(), withIntermediateDirectories: true)
        try await engine.draw(prompt, to: raw, staging: staging)
        do {
            try await ExternalTool(executable: renderer.ffmpeg, workingDirectory: staging).run(
                renderer.pictureArguments(asset: raw.path, output: output(scene)))
        } catch let failure as ExternalToolError {
            let problem = "the picture for scene \(scene.index) is not an image ffmpeg can read"
            if let command = engine as? CommandImages {
                throw CommandRun.Failure(
                    stage: "images", program: command.command.program, problem: problem,
                    fix: "check the program's output format (PNG or JPEG expected): \(failure.stderrTail.split(separator: "\n").last ?? "")")
            }
            throw ProviderError(
                .invalidAnswer, provider: label, stage: "images", problem: problem,
                fix: "check the model and the server, or set engines.images to offline")
        }
    }

    /// The offline picture (the niche's own picture, else a title card) for a scene.
    private func card(_ scene: Script.Scene, engine: String, prompt: String?, fallback: String?) async throws -> SceneImage {
        try await renderer.render(
            scene: scene, palette: palette, assets: fallback == nil ? assets : [], staging: staging, output: output(scene))
        return SceneImage(scene: scene.index, engine: fallback == nil ? engine : "offline", prompt: prompt, fallback: fallback)
    }
}
