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

    /// At most `limit` words of the first sentence, without a dangling stopword at the cut (an
    /// elided one too: "d'une", "l'"). The sentence ends at `.`, `!`, `?` or `…` followed by a space
    /// and not closing a number ("1.6 grams") or an abbreviation ("e.g.", "Dr."); words are never cut.
    package static func keyPhrase(from text: String, limit: Int, stopwords: Set<String>) -> String {
        let firstSentence = sentences(text).first ?? text
        var words = firstSentence.split(whereSeparator: \.isWhitespace).map(String.init)
        let wasCut = words.count > limit
        if wasCut { words = Array(words.prefix(limit)) }
        while wasCut, let last = words.last, words.count > 2, isDangling(last, stopwords: stopwords) {
            words.removeLast()
        }
        var phrase = words.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: ",;:-— "))
        if !wasCut, let last = phrase.last, ".!?".contains(last), !endsInAbbreviation(phrase) {
            phrase.removeLast()
        }
        if wasCut { phrase += "…" }
        return phrase
    }

    /// Abbreviations whose dot does not end a sentence (English and French), folded, without their last dot.
    static let abbreviations: Set<String> = [
        "e.g", "i.e", "etc", "vs", "dr", "mr", "mrs", "ms", "st", "jr", "sr", "prof", "approx", "no", "fig", "min",
        "max", "cf", "p.ex", "ex", "env", "mme", "mlle", "m", "av", "apr", "j.-c", "jan", "feb", "aug", "sept", "oct",
        "nov", "dec", "u.s", "a.m", "p.m",
    ]

    /// The text's sentences, split after `.`, `!`, `?` or `…` followed by white space, except after
    /// an abbreviation or an initial; a decimal point ("1.6") is never followed by a space.
    package static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            current.append(character)
            guard ".!?…".contains(character) else { continue }
            let next = index + 1 < characters.count ? characters[index + 1] : " "
            guard next.isWhitespace else { continue }
            if character == ".", endsInAbbreviation(current) { continue }
            let sentence = current.trimmingCharacters(in: .whitespacesAndNewlines)
            if !sentence.isEmpty { result.append(sentence) }
            current = ""
        }
        let rest = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !rest.isEmpty { result.append(rest) }
        return result
    }

    /// Whether the text's last word, ending in a dot, is an abbreviation or a single letter.
    static func endsInAbbreviation(_ text: String) -> Bool {
        guard let last = text.split(whereSeparator: \.isWhitespace).last, last.hasSuffix(".") else { return false }
        let word = Slug.fold(String(last.dropLast())).trimmingCharacters(in: CharacterSet(charactersIn: "(\"'«“"))
        return abbreviations.contains(word) || (word.count == 1 && word.first?.isLetter == true)
    }

    /// A word that should not end a cut phrase: a stopword, or elided stopwords ("d'une", "qu'il").
    static func isDangling(_ word: String, stopwords: Set<String>) -> Bool {
        let folded = Slug.fold(word.trimmingCharacters(in: .punctuationCharacters))
        if stopwords.contains(folded) { return true }
        let parts = folded.split(whereSeparator: { $0 == "'" || $0 == "’" }).map(String.init)
        guard parts.count > 1 else { return word.hasSuffix("'") || word.hasSuffix("’") }
        return parts.allSatisfy { stopwords.contains($0) || stopwords.contains($0 + "'") || $0.count == 1 }
    }

    /// First letter capitalised, the rest as typed.
    package static func capitalizedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
