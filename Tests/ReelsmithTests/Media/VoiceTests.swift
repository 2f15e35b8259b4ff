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

    @Test func aVariantMustBeOneOfEspeaksOwn() async throws {
        #expect(SpeechSynthesizer.shared.hasVoice("en-us+f3") && SpeechSynthesizer.shared.hasVoice("fr-fr+m2"))
        // espeak builds a file path (and a 40-byte buffer) from the variant: nothing else reaches it.
        for hostile in [
            "en-us+../../../../etc/passwd", "en-us+" + String(repeating: "a", count: 200), "en-us+", "en-us+f3/x",
        ] {
            #expect(!SpeechSynthesizer.shared.hasVoice(hostile), "\(hostile)")
            await #expect(throws: SpeechError.self) {
                _ = try await SpeechSynthesizer.shared.synthesize("Hello", voice: hostile)
            }
        }
    }

    @Test func unknownVoiceIsAClearError() async {
        await #expect(throws: SpeechError.self) {
            _ = try await SpeechSynthesizer.shared.synthesize("hello", voice: "no-such-voice-xyz")
        }
    }
}
