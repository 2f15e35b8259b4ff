/// Word lists of one language used by the virality rubric and key-phrase picking:
/// `templates/lexicons/<language>.yaml`.
package struct Lexicon: Sendable, Codable, Equatable {
    package var language: Language
    package var emotionalTriggers: [String]
    package var curiosityWords: [String]
    package var ctaPhrases: [String]
    package var stopwords: [String]

    enum CodingKeys: String, CodingKey {
        case language
        case emotionalTriggers = "emotional_triggers"
        case curiosityWords = "curiosity_words"
        case ctaPhrases = "cta_phrases"
        case stopwords
    }

    package static func empty(_ language: Language) -> Lexicon {
        Lexicon(language: language, emotionalTriggers: [], curiosityWords: [], ctaPhrases: [], stopwords: [])
    }
}
