import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// Per-scene search terms for footage (issue 9): 1–3-word terms, as MoneyPrinterTurbo asks its
/// model for. Stock libraries (Pexels, Pixabay) search in English first, so what is sent to them
/// is English only, best first: the terms a model wrote (`search_terms` in the script), then the
/// niche's vocabulary (`clip_terms` in the niche's English template, a different one each scene),
/// then, for an English request only, the content words of the scene's key phrase. The creator's
/// own files may be named in any language: they are matched against all of those and the key
/// phrase's words in the request's language as well.
struct SceneSearchTerms: Sendable, Equatable {
    static let maximumTerms = 3
    static let maximumWordsPerTerm = 3
    /// Searches per scene at most (an empty answer moves on to the next term).
    static let maximumStockTerms = 4

    /// Sent to the stock provider, in this order (English words only).
    package var stock: [String]
    /// Matched against the creator's library: the stock terms, then the key phrase's own words.
    package var library: [String]

    /// - Parameters:
    ///   - written: the model's `search_terms` for the scene (English), if any.
    ///   - nicheTerms: the niche's English footage vocabulary; the scene takes the one at its index.
    ///   - echoesCallToAction: the key phrase repeats the call to action ("follow for part 2"),
    ///     which says nothing about the footage: only the niche's terms are used.
    static func forScene(
        written: [String], keyPhrase: String, sceneIndex: Int, echoesCallToAction: Bool, language: Language,
        nicheTerms: [String], stopwords: Set<String>
    ) -> SceneSearchTerms {
        // One niche term per scene: another scene's term would pull that scene's library clip here.
        let niche = nicheTerms.isEmpty ? [] : [nicheTerms[(max(1, sceneIndex) - 1) % nicheTerms.count]]
        let keyPhraseTerms = echoesCallToAction ? [] : keyPhraseTerms(keyPhrase, stopwords: stopwords)
        let stock = unique(cleaned(written) + niche + (language == .en ? keyPhraseTerms : []))
        return SceneSearchTerms(
            stock: Array(stock.prefix(maximumStockTerms)), library: unique(stock + keyPhraseTerms))
    }

    /// The key phrase's first two content words, then its longest (the most specific, and what a
    /// short file name holds); numbers, short words and stopwords dropped.
    static func keyPhraseTerms(_ keyPhrase: String, stopwords: Set<String>) -> [String] {
        let content = ScriptText.tokens(keyPhrase).filter {
            $0.count > 2 && !$0.allSatisfy(\.isNumber) && !stopwords.contains($0)
        }
        var terms: [String] = []
        if !content.isEmpty { terms.append(content.prefix(2).joined(separator: " ")) }
        if let longest = content.max(by: { $0.count < $1.count }), !terms.contains(longest) { terms.append(longest) }
        return terms
    }

    /// Whether a key phrase only repeats the call to action: each of its content words is one of
    /// the call to action's (the offline engine takes the last scene's key phrase from it when the
    /// scene says nothing else).
    static func echoes(_ keyPhrase: String, callToAction: String, stopwords: Set<String>) -> Bool {
        let content = ScriptText.tokens(keyPhrase).filter { $0.count > 2 && !stopwords.contains($0) }
        let said = Set(ScriptText.tokens(callToAction))
        return !content.isEmpty && content.allSatisfy(said.contains)
    }

    /// Folded terms of 1–3 words, at most three, no repeats: what a model's `search_terms` become.
    package static func cleaned(_ terms: [String]) -> [String] {
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

    private static func unique(_ terms: [String]) -> [String] {
        var seen: Set<String> = []
        return cleanedAll(terms).filter { seen.insert($0).inserted }
    }

    /// Folded 1–3-word terms, without the three-term cap.
    private static func cleanedAll(_ terms: [String]) -> [String] {
        terms.compactMap { term in
            let words = ScriptText.tokens(term)
            return (1...maximumWordsPerTerm).contains(words.count) ? words.joined(separator: " ") : nil
        }
    }
}
