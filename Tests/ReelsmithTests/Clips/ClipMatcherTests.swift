import Foundation
import Testing

@testable import Reelsmith

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

    @Test func offlineTermsComeFromTheKeyPhraseAndTheNicheVocabulary() {
        let terms = SceneSearchTerms.offline(
            keyPhrase: "Drink water before the morning run", sceneIndex: 2, nicheTerms: ["gym workout", "running"],
            stopwords: ["the", "before"])
        #expect(terms == ["drink water", "morning", "running"])
        #expect(terms.allSatisfy { (1...3).contains($0.split(separator: " ").count) })
        #expect(
            SceneSearchTerms.cleaned(["A B C D", "Beach", "beach", "city night", "x", "y"]) == [
                "beach", "city night", "x",
            ])
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
