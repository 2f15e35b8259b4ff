import Testing

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

@Suite struct NicheVocabularyTests {
    let vocabulary = NicheVocabulary(niches: [
        "fitness": ["gym", "home workout", "fyp"], "cooking": ["cuisine", "recette", "fyp"], "finance": ["money"],
    ])

    @Test func hashtagsVoteForTheNicheTheyName() {
        #expect(vocabulary.niche(forHashtags: ["#HomeWorkout", "#fyp", "#gym"]) == "fitness")
        #expect(vocabulary.niche(forHashtags: ["cuisine", "recette", "money"]) == "cooking")
    }

    @Test func sharedWordsAndTiesNameNoNiche() {
        #expect(vocabulary.niche(forHashtags: ["#fyp"]) == nil, "a hashtag of two niches names neither")
        #expect(vocabulary.niche(forHashtags: ["#gym", "#money"]) == nil, "one vote each: no guess")
        #expect(vocabulary.niche(forHashtags: []) == nil)
    }
}
