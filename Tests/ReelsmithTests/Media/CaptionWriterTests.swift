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

@Suite struct CaptionWriterTests {
    private func timed(_ words: [String], scene: Int = 1, step: Double = 0.4) -> [WordTiming] {
        words.enumerated().map {
            WordTiming(text: $1, start: Double($0) * step, end: Double($0 + 1) * step, scene: scene)
        }
    }

    @Test func chunksHoldAtMostThreeWordsOrEighteenCharacters() {
        let words = timed(
            "Most people skip the warm-up and that is exactly why extraordinarily tough routines fail".split(
                separator: " "
            ).map(String.init))
        let chunks = CaptionChunk.chunks(from: words, totalDuration: 10)
        #expect(chunks.map(\.words.count).reduce(0, +) == words.count)
        for chunk in chunks {
            #expect(chunk.words.count <= 3)
            #expect(chunk.words.count == 1 || chunk.text.count <= CaptionChunk.maximumCharacters)
            #expect(chunk.start == chunk.words[0].start)
        }
    }

    @Test func chunksNeverCrossASentenceOrAScene() {
        let words =
            timed(["Stop.", "Now", "go"])
            + timed(["next"], scene: 2).map {
                var w = $0
                w.start = 2
                return w
            }
        let chunks = CaptionChunk.chunks(from: words, totalDuration: 3)
        #expect(chunks.map(\.text) == ["Stop.", "Now go", "next"])
    }

    @Test(arguments: [#"{\pos(0,0)}"#, #"a\Nb"#, "it's: 50%", "%{pts}", #"\h{\b1}"#])
    func hostileTextIsEscapedForASS(text: String) {
        let escaped = CaptionWriter.escapeASS(text)
        // No override block can open and no backslash can pair with the letter after it.
        #expect(!escaped.contains(where: { $0 == "{" }) || escaped.contains("\\{"))
        var characters = Array(escaped)
        var index = 0
        while index < characters.count {
            if characters[index] == "\\" {
                #expect(index + 1 < characters.count)
                #expect(["{", "}", "\u{2060}"].contains(characters[index + 1]))
                index += 2
            } else {
                #expect(characters[index] != "{" && characters[index] != "}")
                index += 1
            }
        }
        characters.removeAll()
    }

    @Test func assTimesAreCentisecondsAndSRTMilliseconds() {
        #expect(CaptionWriter.assTime(3723.456) == "1:02:03.46")
        #expect(CaptionWriter.srtTime(3723.456) == "01:02:03,456")
    }

    @Test func assHighlightsEachWordInTurn() {
        let ass = CaptionWriter().ass(chunks: CaptionChunk.chunks(from: timed(["one", "two"]), totalDuration: 1))
        let dialogues = ass.split(separator: "\n").filter { $0.hasPrefix("Dialogue:") }
        #expect(dialogues.count == 2)
        #expect(dialogues[0].contains("{\\1c&H00E6FF&}one{\\1c&HFFFFFF&} two"))
        #expect(dialogues[1].contains("one {\\1c&H00E6FF&}two{\\1c&HFFFFFF&}"))
    }
}
