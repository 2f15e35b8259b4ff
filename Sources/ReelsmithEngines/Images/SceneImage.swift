import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// How one scene's picture was made, for `report.json` (issue 8): the engine, the prompt sent,
/// a rewritten prompt after a refusal, and why the scene fell back to a title card.
package struct SceneImage: Sendable, Codable, Equatable {
    package var scene: Int
    package var engine: String
    package var prompt: String?
    package var rewrittenPrompt: String?
    package var fallback: String?

    enum CodingKeys: String, CodingKey {
        case scene, engine, prompt, fallback
        case rewrittenPrompt = "rewritten_prompt"
    }
}

extension SceneImage {
    /// The images stage's engine for `report.json`'s `engines`: the engine, and how many scenes fell back.
    package static func summary(_ images: [SceneImage]) -> String {
        let engines = Set(images.filter { $0.fallback == nil }.map(\.engine))
        let fallbacks = images.filter { $0.fallback != nil }.count
        let engine = engines.sorted().first { !$0.hasPrefix("offline") } ?? engines.sorted().first ?? "offline"
        return fallbacks == 0 ? engine : "\(engine) (\(fallbacks) of \(images.count) scenes fell back to title cards)"
    }
}
