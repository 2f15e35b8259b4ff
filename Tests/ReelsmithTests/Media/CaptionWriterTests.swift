import Foundation
import Testing
@testable import Reelsmith

@Suite struct CaptionWriterTests {
    private func timed(_ words: [String], scene: Int = 1, step: Double = 0.4) -> [WordTiming] {
        words.enumerated().map { WordTiming(text: $1, start: Double($0) * step, end: Double($0 + 1) * step, scene: scene) }
    }

    @Test func chunksHoldAtMostThreeWordsOrEighteenCharacters() {
        let words = timed("Most people skip the warm-up and that is exactly why extraordinarily tough routines fail".split(separator: " ").map(String.init))
        let chunks = CaptionChunk.chunks(from: words, totalDuration: 10)
        #expect(chunks.map(\.words.count).reduce(0, +) == words.count)
        for chunk in chunks {
            #expect(chunk.words.count <= 3)
            #expect(chunk.words.count == 1 || chunk.text.count <= CaptionChunk.maximumCharacters)
            #expect(chunk.start == chunk.words[0].start)
        }
    }

    @Test func chunksNeverCrossASentenceOrAScene() {
        let words = timed(["Stop.", "Now", "go"]) + timed(["next"], scene: 2).map { var w = $0; w.start = 2; return w }
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

@Suite struct SpokenTextTests {
    @Test func hashtagsEmojiLinksAndMarkdownAreNotSpoken() {
        let spoken = SpokenText.clean("**Big** news 🔥💪🏽 for #fitness fans: see https://x.example/a and [this](https://y) 👨‍👩‍👧 now #fyp")
        #expect(spoken == "Big news for fans: see and this now")
    }

    @Test func digitsAndPunctuationStay() {
        #expect(SpokenText.clean("3 tips, 10 minutes #1 rule") == "3 tips, 10 minutes rule")
    }
}

@Suite struct VoiceTests {
    @Test(arguments: [Language.en, .fr])
    func wordTimingsComeFromEspeakEventsInOrder(language: Language) async throws {
        let narration =
            language == .fr
            ? "L'été dernier, j'ai appris une chose. Abonne-toi pour la suite !"
            : "Last summer I learned one thing. Follow for part 2!"
        let scenes = [Script.Scene(index: 1, narration: narration, keyPhrase: "", imagePrompt: "")]
        let voice = VoiceScript(scenes: scenes)
        let audio = try await SpeechSynthesizer.shared.synthesize(voice.text, voice: language.defaultVoice)
        let timings = voice.timings(from: audio)
        #expect(timings.count == voice.words.count)
        #expect(timings.map(\.text).joined(separator: " ") == voice.text)
        #expect(audio.events.count >= timings.count / 2)
        #expect(timings.first!.start < 0.3)
        for (a, b) in zip(timings, timings.dropFirst()) {
            #expect(a.start < b.start, "\(a.text) then \(b.text)")
        }
        #expect(timings.last!.end == audio.durationSeconds)
        #expect(audio.durationSeconds > 2 && audio.durationSeconds < 8)
    }

    @Test func voicesAreFoundByLanguageFileOrListedName() {
        for name in ["fr-fr", "en-us", "en-gb", "French_(France)", "roa/fr"] {
            #expect(SpeechSynthesizer.shared.hasVoice(name), "\(name)")
        }
        #expect(!SpeechSynthesizer.shared.hasVoice("french-robot"))
    }

    @Test func unknownVoiceIsAClearError() async {
        await #expect(throws: SpeechError.self) {
            _ = try await SpeechSynthesizer.shared.synthesize("hello", voice: "no-such-voice-xyz")
        }
    }
}
