/// A model's script as it comes over the wire, before our checks turn it into a ``Script``.
struct ModelScript: Sendable, Codable, Equatable {
    struct Scene: Sendable, Codable, Equatable {
        var narration: String
        var keyPhrase: String
        var imagePrompt: String
        /// Optional: a server without strict schemas may leave it out (issue 9).
        var searchTerms: [String]?

        enum CodingKeys: String, CodingKey {
            case narration
            case keyPhrase = "key_phrase"
            case imagePrompt = "image_prompt"
            case searchTerms = "search_terms"
        }
    }

    var title: String
    var hook: String
    var scenes: [Scene]
    var hashtags: [String]
    var description: String
    var callToAction: String

    enum CodingKeys: String, CodingKey {
        case title, hook, scenes, hashtags, description
        case callToAction = "call_to_action"
    }
}
