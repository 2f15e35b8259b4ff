/// How one scene's picture was made, for `report.json` (issue 8): the engine, the prompt sent,
/// a rewritten prompt after a refusal, and why the scene fell back to a title card.
public struct SceneImage: Sendable, Codable, Equatable {
    public var scene: Int
    public var engine: String
    public var prompt: String?
    public var rewrittenPrompt: String?
    public var fallback: String?

    enum CodingKeys: String, CodingKey {
        case scene, engine, prompt, fallback
        case rewrittenPrompt = "rewritten_prompt"
    }
}

extension SceneImage {
    /// The images stage's engine for `report.json`'s `engines`: the engine, and how many scenes fell back.
    static func summary(_ images: [SceneImage]) -> String {
        let engines = Set(images.filter { $0.fallback == nil }.map(\.engine))
        let fallbacks = images.filter { $0.fallback != nil }.count
        let engine = engines.sorted().first { !$0.hasPrefix("offline") } ?? engines.sorted().first ?? "offline"
        return fallbacks == 0 ? engine : "\(engine) (\(fallbacks) of \(images.count) scenes fell back to title cards)"
    }
}
