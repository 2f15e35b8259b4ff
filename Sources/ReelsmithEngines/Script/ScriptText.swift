import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// Word-level helpers shared by the script engine and the rubric.
package enum ScriptText {
    /// Words as a reader counts them (whitespace-separated, punctuation-only tokens dropped).
    package static func words(_ text: String) -> [String] {
        text.split(whereSeparator: \.isWhitespace).map(String.init).filter { token in
            token.unicodeScalars.contains { CharacterSet.alphanumerics.contains($0) }
        }
    }

    package static func wordCount(_ text: String) -> Int { words(text).count }

    /// Lowercased, accent-folded tokens for lexicon lookups (apostrophes split "l'été" into "l", "ete").
    package static func tokens(_ text: String) -> [String] {
        Slug.fold(text).split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// Whether a lexicon entry (a word or a short phrase) occurs in the text.
    package static func contains(_ phrase: String, inTokens tokens: [String]) -> Bool {
        let needle = ScriptText.tokens(phrase)
        guard !needle.isEmpty, needle.count <= tokens.count else { return false }
        if needle.count == 1 { return tokens.contains(needle[0]) }
        for start in 0...(tokens.count - needle.count) where Array(tokens[start..<start + needle.count]) == needle {
            return true
        }
        return false
    }

    /// At most `limit` words of the first sentence, without a dangling stopword at the cut.
    package static func keyPhrase(from text: String, limit: Int, stopwords: Set<String>) -> String {
        let firstSentence = text.split(whereSeparator: { ".!?".contains($0) }).first.map(String.init) ?? text
        var words = firstSentence.split(whereSeparator: \.isWhitespace).map(String.init)
        let wasCut = words.count > limit
        if wasCut { words = Array(words.prefix(limit)) }
        while wasCut, let last = words.last, words.count > 2,
            stopwords.contains(Slug.fold(last.trimmingCharacters(in: .punctuationCharacters)))
        {
            words.removeLast()
        }
        var phrase = words.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: ",;:-— "))
        if wasCut { phrase += "…" }
        return phrase
    }

    /// First letter capitalised, the rest as typed.
    package static func capitalizedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
