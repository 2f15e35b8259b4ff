import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// Per-scene search terms for footage (issue 9): 1–3-word terms, as MoneyPrinterTurbo asks its
/// model for. Stock libraries (Pexels, Pixabay) search in English first, so what is sent to them
/// is English only, best first: the terms a model wrote (`search_terms` in the script), then the
/// niche's vocabulary (`clip_terms` in the niche's English template, a different one each scene),
/// then, for an English request only, the content words of the topic and the scene (nouns first,
/// never filler words: issue 21 saw "how actually", "people skip"). The creator's
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
        nicheTerms: [String], stopwords: Set<String>, topic: String = "", narration: String = ""
    ) -> SceneSearchTerms {
        // One niche term per scene: another scene's term would pull that scene's library clip here.
        let niche = nicheTerms.isEmpty ? [] : [nicheTerms[(max(1, sceneIndex) - 1) % nicheTerms.count]]
        let keyPhraseTerms =
            echoesCallToAction
            ? [] : contentTerms(topic: topic, keyPhrase: keyPhrase, narration: narration, stopwords: stopwords)
        let stock = unique(cleaned(written) + niche + (language == .en ? keyPhraseTerms : []))
        return SceneSearchTerms(
            stock: Array(stock.prefix(maximumStockTerms)), library: unique(stock + keyPhraseTerms))
    }

    /// Words that say nothing about what a scene shows, English and French, folded: the filler a
    /// spoken script is full of ("actually", "people", "how"), beyond the lexicons' stopwords.
    static let fillerWords: Set<String> = [
        // English
        "actually", "really", "basically", "literally", "simply", "just", "very", "quite", "pretty", "people",
        "person", "everyone", "everybody", "someone", "somebody", "anyone", "thing", "things", "stuff", "something",
        "anything", "everything", "nothing", "way", "ways", "lot", "lots", "kind", "sort", "how", "what", "why",
        "when", "where", "which", "who", "whom", "whose", "get", "gets", "got", "getting", "make", "makes", "made",
        "making", "take", "takes", "took", "know", "knows", "think", "thinks", "want", "wants", "need", "needs",
        "going", "goes", "come", "comes", "say", "says", "said", "tell", "tells", "let", "lets", "use", "uses",
        "try", "tries", "keep", "keeps", "start", "starts", "stop", "stops", "skip", "skips", "also", "even",
        "still", "much", "many", "more", "most", "less", "least", "every", "each", "other", "others", "another",
        "same", "own", "new", "good", "great", "best", "better", "bad", "big", "small", "little", "right", "wrong",
        "real", "true", "sure", "enough", "around", "almost", "always", "never", "often", "sometimes", "today",
        "now", "day", "days", "time", "times", "first", "last", "next", "one", "two", "three", "secret", "tip",
        "tips", "hack", "hacks", "part", "follow", "nobody", "here", "there", "yes", "okay", "ok", "stop", "wait",
        "look", "watch", "see", "seen", "because", "without", "within", "while", "until", "since", "eat", "eats",
        "eating", "ate", "does", "doing", "done", "have", "has", "having", "being", "give", "gives", "put", "puts",
        "find", "feel", "feels", "work", "works", "help", "helps", "thank", "thanks", "most", "ever", "again",
        // French
        "vraiment", "juste", "tres", "trop", "assez", "plutot", "gens", "personne", "personnes", "quelqu", "chose",
        "choses", "truc", "trucs", "facon", "maniere", "comment", "pourquoi", "quand", "quoi", "quel", "quelle",
        "quels", "quelles", "faire", "fait", "fais", "font", "avoir", "etre", "aller", "vais", "va", "vont", "dire",
        "dit", "dis", "savoir", "sais", "sait", "penser", "pense", "vouloir", "veux", "veut", "falloir", "faut",
        "prendre", "prend", "mettre", "met", "aussi", "encore", "toujours", "jamais", "souvent", "beaucoup", "peu",
        "bien", "mal", "plus", "moins", "tout", "tous", "toute", "toutes", "chaque", "autre", "autres", "meme",
        "memes", "vrai", "vraie", "bon", "bonne", "meilleur", "meilleure", "grand", "grande", "petit", "petite",
        "alors", "donc", "voila", "voici", "genre", "enfin", "deja", "jour", "jours", "fois", "temps", "premier",
        "premiere", "dernier", "derniere", "secret", "astuce", "astuces", "partie", "abonne", "abonnez", "suivre",
        "maintenant", "aujourd", "hui", "sans", "parce", "depuis", "pendant",
    ]

    /// Words that usually come before a noun: the word after one is taken as a noun first.
    static let determiners: Set<String> = [
        "the", "a", "an", "your", "my", "our", "their", "his", "her", "its", "this", "that", "these", "those", "some",
        "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "mon", "ma", "mes", "ton", "ta", "tes", "son",
        "sa", "ses", "notre", "nos", "votre", "vos", "leur", "leurs", "ce", "cet", "cette", "ces", "au", "aux",
    ]

    /// Search terms from the topic's and the scene's content words (issue 21): the topic's first
    /// two, the key phrase's first two, then single words, nouns first (a word after a determiner),
    /// the most frequent first; numbers, short words, stopwords, filler words and adverbs (-ly,
    /// -ment) dropped.
    static func contentTerms(topic: String, keyPhrase: String, narration: String, stopwords: Set<String>)
        -> [String]
    {
        func isContent(_ word: String) -> Bool {
            word.count > 2 && !word.allSatisfy(\.isNumber) && !stopwords.contains(word) && !fillerWords.contains(word)
                && !(word.count > 5 && (word.hasSuffix("ly") || word.hasSuffix("ment")))
        }
        var terms: [String] = []
        let topicWords = ScriptText.tokens(topic).filter(isContent)
        if !topicWords.isEmpty { terms.append(topicWords.prefix(2).joined(separator: " ")) }
        // The key phrase's first two content words (what the card says), then single words: the
        // key phrase's and the narration's nouns (a narration word counts only after a determiner).
        let phraseTokens = ScriptText.tokens(keyPhrase)
        let phraseWords = phraseTokens.filter(isContent)
        if phraseWords.count >= 2 { terms.append(phraseWords.prefix(2).joined(separator: " ")) }
        let paired = Set(topicWords.prefix(2) + phraseWords.prefix(2))
        let narrationTokens = ScriptText.tokens(narration)
        var score: [String: Double] = [:]
        var order: [String] = []
        for (tokens, isPhrase) in [(phraseTokens, true), (narrationTokens, false)] {
            for (index, word) in tokens.enumerated() where isContent(word) && !paired.contains(word) {
                let afterDeterminer = index > 0 && determiners.contains(tokens[index - 1])
                guard isPhrase || afterDeterminer else { continue }
                if score[word] == nil { order.append(word) }
                score[word, default: 0] += (afterDeterminer ? 2 : 0) + (isPhrase ? 1.5 : 1)
            }
        }
        let ranked = order.enumerated().sorted { a, b in
            let scoreA = score[a.element] ?? 0
            let scoreB = score[b.element] ?? 0
            if scoreA != scoreB { return scoreA > scoreB }
            return a.offset < b.offset
        }.map(\.element)
        // One single word after the pairs (two without one): with the model's terms and the
        // niche's, at most four searches a scene.
        let singles = terms.isEmpty ? 2 : 1
        terms += ranked.filter { !terms.contains($0) }.prefix(singles)
        return Array(terms.prefix(3))
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
