/// The stages that run an engine (DESIGN §7), as they are named under `engines:` in
/// `reelsmith.yaml` and in a request. Not every job stage has one (captions, render), and `score`
/// and `align` have one without being checkpoints of their own (see ``Stage``).
package enum EngineStage: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
    case script, score, images, voice, align, clips

    package var description: String { rawValue }

    /// The placeholders a local program's arguments must hold, for the stages that may run one
    /// (`voice: { command: [piper, …, "{out}"] }`); nil where a command is refused.
    var commandPlaceholders: [String]? {
        switch self {
        case .voice, .images: ["{out}"]
        case .script, .score, .align, .clips: nil
        }
    }

    /// What a user can do when this stage's provider fails: fall back to the built-in engine.
    package var offlineFix: String { ", or set engines.\(rawValue) to offline" }
}
