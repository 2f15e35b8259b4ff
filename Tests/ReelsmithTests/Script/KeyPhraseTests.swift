import Foundation
import Testing

@testable import ReelsmithCore
@testable import ReelsmithEngines

/// Key phrases and offline search terms (issue 21): never cut inside a number, an abbreviation or
/// a word; French elisions; search terms from content words, never filler.
@Suite struct KeyPhraseTests {
    let english: Set<String> = ["the", "a", "of", "for", "to", "and", "is", "your", "per", "with", "in", "on"]
    let french: Set<String> = ["le", "la", "les", "l", "de", "d", "du", "des", "un", "une", "et", "pour", "qu", "il"]

    @Test func aDecimalNumberStaysWhole() {
        let phrase = ScriptText.keyPhrase(
            from: "Aim for around 1.6 grams of protein per kilo of body weight every day.", limit: 7,
            stopwords: english)
        #expect(phrase == "Aim for around 1.6 grams of protein…")
        #expect(ScriptText.sentences("It costs 2.50 euros. Then more.") == ["It costs 2.50 euros.", "Then more."])
    }

    @Test func abbreviationsDoNotEndTheSentence() {
        #expect(
            ScriptText.keyPhrase(from: "Eat slow carbs, e.g. oats and rice. Then train.", limit: 9, stopwords: english)
                == "Eat slow carbs, e.g. oats and rice")
        #expect(
            ScriptText.keyPhrase(from: "Dr. Smith says sleep first. Really.", limit: 8, stopwords: english)
                == "Dr. Smith says sleep first")
        #expect(ScriptText.sentences("Voir p. ex. le sommeil. Puis le reste.").count == 2)
    }

    @Test func frenchElisionsAreNeverLeftDangling() {
        let phrase = ScriptText.keyPhrase(
            from: "Le secret de l'énergie c'est d'une routine simple chaque matin.", limit: 6, stopwords: french)
        #expect(phrase == "Le secret de l'énergie c'est…", "\(phrase)")
        #expect(ScriptText.isDangling("d'une", stopwords: french))
        #expect(ScriptText.isDangling("qu'il", stopwords: french))
        #expect(!ScriptText.isDangling("l'énergie", stopwords: french))
    }

    @Test func searchTermsComeFromContentWordsNeverFiller() {
        let terms = SceneSearchTerms.contentTerms(
            topic: "how to actually eat enough protein", keyPhrase: "How people actually skip the protein",
            narration: "Most people skip breakfast. Put eggs and yogurt on the table, and your muscles thank you.",
            stopwords: english)
        let words = Set(terms.flatMap { $0.split(separator: " ").map(String.init) })
        for filler in ["how", "actually", "people", "skip", "eat", "enough"] {
            #expect(!words.contains(filler), "\(filler) in \(terms)")
        }
        #expect(terms.first == "protein", "\(terms)")
        #expect(words.contains("breakfast") || words.contains("eggs") || words.contains("table"), "\(terms)")
        let french = SceneSearchTerms.contentTerms(
            topic: "la routine du matin", keyPhrase: "Les gens font vraiment comment l'été",
            narration: "Prenez l'habitude d'une marche au soleil.", stopwords: self.french)
        let frenchWords = Set(french.flatMap { $0.split(separator: " ").map(String.init) })
        #expect(french.first == "routine matin", "\(french)")
        #expect(frenchWords.isDisjoint(with: ["gens", "vraiment", "comment", "font"]), "\(french)")
    }
}
