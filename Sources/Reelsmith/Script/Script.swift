/// A video script (DESIGN §2, stage 1), written to `script.json`.
public struct Script: Sendable, Codable, Equatable {
    public var title: String
    public var hook: String
    /// The whole narration, scene after scene.
    public var script: String
    public var scenes: [Scene]
    public var hashtags: [String]
    public var description: String
    public var callToAction: String
    /// The spoken length estimated from the word count and the voice's speaking rate.
    public var durationSeconds: Int
    public var language: Language
    /// The niche template that wrote it (`generic` when the niche had none).
    public var template: String

    public struct Scene: Sendable, Codable, Equatable {
        /// 1-based, matching `images/01.png`.
        public var index: Int
        public var narration: String
        /// The short phrase set on the scene's image.
        public var keyPhrase: String
        public var imagePrompt: String
        /// 1–3-word English terms to find footage for the scene, when a model wrote them (issue 9).
        public var searchTerms: [String]? = nil
    }

    enum CodingKeys: String, CodingKey {
        case title, hook, script, scenes, hashtags, description, language, template
        case callToAction = "call_to_action"
        case durationSeconds = "duration_seconds"
    }
}

extension Script.Scene {
    enum CodingKeys: String, CodingKey {
        case index, narration
        case keyPhrase = "key_phrase"
        case imagePrompt = "image_prompt"
        case searchTerms = "search_terms"
    }
}
