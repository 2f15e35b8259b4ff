import Foundation
import Testing

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

/// Ranking (term overlap, then orientation, duration, resolution), no reuse while another clip
/// matches, and the offline search terms.
@Suite struct ClipMatcherTests {
    private func clip(
        _ name: String, _ keywords: String, width: Int = 1080, height: Int = 1920, seconds: Double = 10
    ) -> LibraryClip {
        LibraryClip(
            path: "/clips/\(name)", folder: "fitness", sizeBytes: 1, modifiedAt: 0, keywordSource: "-",
            durationSeconds: seconds,
            width: width, height: height, orientation: LibraryClip.orientation(width: width, height: height),
            keywords: keywords,
            indexedAt: Date())
    }

    @Test func moreSharedWordsWinThenPortraitThenLongEnoughThenSharper() {
        let matcher = ClipMatcher(clips: [
            clip("a.mp4", "gym", width: 1080, height: 1920),
            clip("b.mp4", "gym workout", width: 1920, height: 1080),
        ])
        #expect(matcher.best(terms: ["gym workout"], sceneSeconds: 5, used: [])?.clip.fileName == "b.mp4")

        let byOrientation = ClipMatcher(clips: [
            clip("land.mp4", "run", width: 1920, height: 1080), clip("square.mp4", "run", width: 1080, height: 1080),
            clip("portrait.mp4", "run", width: 1080, height: 1920),
        ])
        #expect(byOrientation.best(terms: ["run"], sceneSeconds: 5, used: [])?.clip.fileName == "portrait.mp4")

        let byDuration = ClipMatcher(clips: [clip("short.mp4", "run", seconds: 1), clip("long.mp4", "run", seconds: 8)])
        #expect(byDuration.best(terms: ["run"], sceneSeconds: 6, used: [])?.clip.fileName == "long.mp4")

        let byResolution = ClipMatcher(clips: [
            clip("small.mp4", "run", width: 540, height: 960), clip("full.mp4", "run", width: 1080, height: 1920),
        ])
        #expect(byResolution.best(terms: ["run"], sceneSeconds: 5, used: [])?.clip.fileName == "full.mp4")
        #expect(byResolution.best(terms: ["swim"], sceneSeconds: 5, used: []) == nil)
    }

    @Test func aClipIsNotUsedTwiceWhileAnotherMatches() {
        let matcher = ClipMatcher(clips: [clip("a.mp4", "gym workout"), clip("b.mp4", "gym")])
        let first = matcher.best(terms: ["gym workout"], sceneSeconds: 5, used: [])
        #expect(first?.clip.fileName == "a.mp4" && first?.isReuse == false)
        let second = matcher.best(terms: ["gym workout"], sceneSeconds: 5, used: ["/clips/a.mp4"])
        #expect(second?.clip.fileName == "b.mp4" && second?.isReuse == false)
        let third = matcher.best(terms: ["gym workout"], sceneSeconds: 5, used: ["/clips/a.mp4", "/clips/b.mp4"])
        #expect(third?.isReuse == true)
    }

    @Test func stockTermsAreTheModelsThenTheNichesThenAnEnglishKeyPhrase() {
        let niche = ["gym workout", "running", "stretching"]
        let stopwords: Set<String> = ["the", "before", "ta", "du", "pour", "et", "abonne", "toi"]
        // English, no model: the niche's term for this scene, then the key phrase.
        let english = SceneSearchTerms.forScene(
            written: [], keyPhrase: "Drink water before the morning run", sceneIndex: 2, echoesCallToAction: false,
            language: .en, nicheTerms: niche, stopwords: stopwords)
        #expect(english.stock == ["running", "drink water", "morning"])
        #expect(english.library == english.stock)
        // A model's terms lead; at most four searches.
        let written = SceneSearchTerms.forScene(
            written: ["Protein Shake", "kitchen blender"], keyPhrase: "Drink water before the morning run",
            sceneIndex: 4, echoesCallToAction: false, language: .en, nicheTerms: niche, stopwords: stopwords)
        #expect(written.stock == ["protein shake", "kitchen blender", "gym workout", "drink water"])
        #expect(written.library == written.stock + ["morning"])
        // French: no French word (folded or not) is sent; the library still gets them.
        let french = SceneSearchTerms.forScene(
            written: [], keyPhrase: "Ta routine du matin, étape par étape", sceneIndex: 1, echoesCallToAction: false,
            language: .fr, nicheTerms: niche, stopwords: stopwords)
        #expect(french.stock == ["gym workout"])
        #expect(french.library == ["gym workout", "routine matin", "etape"])
        // A key phrase that repeats the call to action gives nothing but the niche's terms.
        #expect(
            SceneSearchTerms.echoes(
                "Abonne-toi pour la partie 2", callToAction: "Abonne-toi pour la partie 2 !", stopwords: stopwords))
        #expect(
            !SceneSearchTerms.echoes(
                "Ta routine du matin", callToAction: "Abonne-toi pour la partie 2 !", stopwords: stopwords))
        let cta = SceneSearchTerms.forScene(
            written: [], keyPhrase: "Follow for part two", sceneIndex: 3, echoesCallToAction: true, language: .en,
            nicheTerms: niche, stopwords: stopwords)
        #expect(cta.stock == ["stretching"] && cta.library == cta.stock)
        #expect(english.stock.allSatisfy { (1...3).contains($0.split(separator: " ").count) })
        #expect(
            SceneSearchTerms.cleaned(["A B C D", "Beach", "beach", "city night", "x", "y"]) == [
                "beach", "city night", "x",
            ])
    }

    @Test func wordFormsMeetAcrossPluralsAndVerbEndingsInBothLanguages() {
        let pairs: [(String, String)] = [
            ("running", "run"), ("runs", "run"), ("workouts", "workout"), ("beaches", "beach"),
            ("cities", "city"), ("dancing", "dance"), ("danced", "dances"), ("stopped", "stop"),
            ("swimming", "swims"), ("berries", "berry"), ("cooked", "cooking"), ("glasses", "glass"),
            ("boxes", "box"), ("legumes", "legume"), ("gateaux", "gateau"), ("chevaux", "cheval"),
            ("jeux", "jeu"), ("bijoux", "bijou"), ("matins", "matin"),
        ]
        for (a, b) in pairs {
            #expect(ClipMatcher.wordForm(a) == ClipMatcher.wordForm(b), "\(a) / \(b)")
        }
        // Words that only look inflected keep their own form.
        for word in ["thing", "spring", "tennis", "campus", "need", "speed", "gym"] {
            #expect(ClipMatcher.wordForm(word) == word)
        }
        #expect(ClipMatcher.wordForm("falling") == "fall")
        #expect(ClipMatcher.wordForm("run") != ClipMatcher.wordForm("rain"))

        // Both sides: a term in one form finds a clip named in another, and the report names the
        // clip's own word.
        let matcher = ClipMatcher(clips: [
            clip("beach-run.mp4", "beach run"), clip("gym-workouts.mp4", "gym workouts"),
            clip("legumes-frais.mp4", "legumes frais"),
        ])
        let running = matcher.best(terms: ["running"], sceneSeconds: 5, used: [])
        #expect(running?.clip.fileName == "beach-run.mp4" && running?.matchedWords == ["run"])
        #expect(running?.overlap == 1)
        #expect(matcher.best(terms: ["workout"], sceneSeconds: 5, used: [])?.clip.fileName == "gym-workouts.mp4")
        #expect(matcher.best(terms: ["legume frais"], sceneSeconds: 5, used: [])?.overlap == 1)
        #expect(matcher.best(terms: ["rain"], sceneSeconds: 5, used: []) == nil)
        #expect(ClipMatcher.overlap(terms: ["morning runs"], keywords: ["run", "beach"]) == 0.5)
    }

    @Test func aShortClipLoopsOrSlowsByAtMostAFifthAndIsReadOnlyForItsScene() {
        let short = SceneClip(path: "/c/a:b.mp4", durationSeconds: 4.5)
        #expect(short.fit(sceneSeconds: 5) == .slowed(factor: 5 / 4.5))
        #expect(short.fit(sceneSeconds: 6) == .looped)
        #expect(short.fit(sceneSeconds: 4) == .asIs)
        #expect(
            short.inputArguments(sceneSeconds: 6) == [
                "-an", "-sn", "-dn", "-stream_loop", "-1", "-t", "6.250", "-f", "mov", "-i", "file:/c/a:b.mp4",
            ])
        #expect(
            short.inputArguments(sceneSeconds: 4) == [
                "-an", "-sn", "-dn", "-t", "4.250", "-f", "mov", "-i", "file:/c/a:b.mp4",
            ])
        let chain = short.filterChain(frames: 150, settings: RenderSettings())
        #expect(chain.hasPrefix("setpts=(PTS-STARTPTS)*1.11111,fps=30,crop="))
        #expect(chain.hasSuffix("trim=end_frame=150,setpts=N/(30*TB)"))
    }
}
