import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// A model's script as it comes over the wire, before our checks turn it into a ``Script``.
package struct ModelScript: Sendable, Codable, Equatable {
    package struct Scene: Sendable, Codable, Equatable {
        package var narration: String
        package var keyPhrase: String
        package var imagePrompt: String
        /// Optional: a server without strict schemas may leave it out (issue 9).
        package var searchTerms: [String]?

        package init(narration: String, keyPhrase: String, imagePrompt: String, searchTerms: [String]? = nil) {
            self.narration = narration
            self.keyPhrase = keyPhrase
            self.imagePrompt = imagePrompt
            self.searchTerms = searchTerms
        }

        enum CodingKeys: String, CodingKey {
            case narration
            case keyPhrase = "key_phrase"
            case imagePrompt = "image_prompt"
            case searchTerms = "search_terms"
        }
    }

    package var title: String
    package var hook: String
    package var scenes: [Scene]
    package var hashtags: [String]
    package var description: String
    package var callToAction: String

    package init(
        title: String, hook: String, scenes: [Scene], hashtags: [String], description: String, callToAction: String
    ) {
        self.title = title
        self.hook = hook
        self.scenes = scenes
        self.hashtags = hashtags
        self.description = description
        self.callToAction = callToAction
    }

    enum CodingKeys: String, CodingKey {
        case title, hook, scenes, hashtags, description
        case callToAction = "call_to_action"
    }
}
