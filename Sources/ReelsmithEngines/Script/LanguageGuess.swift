import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// Which of our languages a text is written in, from its share of each language's stopwords: a
/// model asked for French sometimes answers in English.
package enum LanguageGuess {
    /// The language whose stopwords dominate, or nil when the text is too short or mixed to tell.
    static func dominant(in text: String, stopwords: [Language: Set<String>]) -> Language? {
        let tokens = ScriptText.tokens(text)
        let hits = stopwords.mapValues { words in tokens.filter(words.contains).count }
        let ranked = hits.sorted { $0.value > $1.value }
        guard let best = ranked.first, best.value >= 5 else { return nil }
        let runnerUp = ranked.dropFirst().first?.value ?? 0
        return Double(best.value) >= 1.5 * Double(runnerUp) ? best.key : nil
    }

    /// Whether enough of a text's words are `language`'s stopwords for it to read as that language
    /// (prose in English or French runs at 30–50 %; a Spanish answer to a French request, at a few).
    package static func reads(
        as language: Language, _ text: String, stopwords: [Language: Set<String>], minimumShare: Double = 0.12
    ) -> Bool {
        let tokens = ScriptText.tokens(text)
        guard tokens.count >= 30, let words = stopwords[language], !words.isEmpty else { return true }
        return Double(tokens.filter(words.contains).count) / Double(tokens.count) >= minimumShare
    }

    package static func name(_ language: Language) -> String {
        switch language {
        case .fr: "French"
        case .en: "English"
        }
    }
}
