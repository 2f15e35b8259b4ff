/// Word lists of one language used by the virality rubric and key-phrase picking:
/// `templates/lexicons/<language>.yaml`.
struct Lexicon: Sendable, Codable, Equatable {
    var language: Language
    var emotionalTriggers: [String]
    var curiosityWords: [String]
    var ctaPhrases: [String]
    var stopwords: [String]

    enum CodingKeys: String, CodingKey {
        case language
        case emotionalTriggers = "emotional_triggers"
        case curiosityWords = "curiosity_words"
        case ctaPhrases = "cta_phrases"
        case stopwords
    }

    static func empty(_ language: Language) -> Lexicon {
        Lexicon(language: language, emotionalTriggers: [], curiosityWords: [], ctaPhrases: [], stopwords: [])
    }
}
