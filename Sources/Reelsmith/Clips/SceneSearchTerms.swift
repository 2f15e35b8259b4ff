import Foundation

/// Per-scene search terms for footage (issue 9): 1–3-word terms, as MoneyPrinterTurbo asks its
/// model for. A model may write them (`search_terms` in the script); the offline engine derives
/// them from the scene's key phrase (its content words, stopwords dropped) and the niche's
/// vocabulary (`clip_terms` in the niche's English template), a different niche term each scene.
enum SceneSearchTerms {
    static let maximumTerms = 3
    static let maximumWordsPerTerm = 3

    static func offline(
        keyPhrase: String, sceneIndex: Int, nicheTerms: [String], stopwords: Set<String>
    ) -> [String] {
        let content = ScriptText.tokens(keyPhrase).filter {
            $0.count > 2 && !$0.allSatisfy(\.isNumber) && !stopwords.contains($0)
        }
        var terms: [String] = []
        if !content.isEmpty { terms.append(content.prefix(2).joined(separator: " ")) }
        // The longest content word alone: the most specific, and what a short file name holds.
        if let longest = content.max(by: { $0.count < $1.count }), !terms.contains(longest) { terms.append(longest) }
        if !nicheTerms.isEmpty {
            let nicheTerm = nicheTerms[(max(1, sceneIndex) - 1) % nicheTerms.count]
            if !terms.contains(nicheTerm) { terms.append(nicheTerm) }
        }
        return cleaned(terms)
    }

    /// Folded terms of 1–3 words, at most three, no repeats: what a model's `search_terms` become.
    static func cleaned(_ terms: [String]) -> [String] {
        var result: [String] = []
        for term in terms {
            let words = ScriptText.tokens(term)
            guard (1...maximumWordsPerTerm).contains(words.count) else { continue }
            let joined = words.joined(separator: " ")
            if !result.contains(joined) { result.append(joined) }
            if result.count == maximumTerms { break }
        }
        return result
    }
}
