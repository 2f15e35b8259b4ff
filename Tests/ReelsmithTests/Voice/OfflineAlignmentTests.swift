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

/// Offline alignment measured honestly (issue 8): a script said by espeak-ng in one voice and
/// speed is the "provider" voice, and where its own phoneme events put each word's first sound is
/// the truth; the aligner, which uses espeak's default voice and its m3 variant at the default
/// speed as references, must find those words.
@Suite struct OfflineAlignmentTests {
    static let english = [
        "Three habits changed how I start every morning, and none of them costs a thing.",
        "First, I drink a full glass of water before I even look at my phone.",
        "Second, I write down the one task that would make the day a success.",
        "Third, I step outside for five minutes of daylight, whatever the weather.",
        "Try it for a week and tell me in the comments which one worked for you.",
    ]
    static let french = [
        "Trois habitudes ont changé mes matinées, et aucune ne coûte un centime.",
        "D'abord, je bois un grand verre d'eau avant même de regarder mon téléphone.",
        "Ensuite, j'écris la seule tâche qui ferait de la journée une réussite.",
        "Enfin, je sors cinq minutes à la lumière du jour, quel que soit le temps.",
        "Essayez pendant une semaine et dites-moi en commentaire ce qui a marché.",
    ]

    static func script(_ sentences: [String]) -> VoiceScript {
        VoiceScript(
            scenes: sentences.enumerated().map { index, text in
                Script.Scene(index: index + 1, narration: text, keyPhrase: "", imagePrompt: "")
            })
    }

    /// Mean and 95th percentile of the word-start errors, in milliseconds.
    static func errors(_ found: [WordTiming], truth: [WordTiming]) -> (mean: Double, p95: Double) {
        let errors = zip(found, truth).map { abs($0.start - $1.start) * 1000 }.sorted()
        let mean = errors.reduce(0, +) / Double(errors.count)
        let p95 = errors[min(errors.count - 1, Int((Double(errors.count) * 0.95).rounded(.up)) - 1)]
        return (mean, p95)
    }

    /// The "provider" track: another espeak voice and speed, optionally changed by `edit`.
    static func measure(
        _ sentences: [String], language: Language, voice: String, rate: Int, label: String,
        edit: ([Int16], Int, [WordTiming]) -> ([Int16], [WordTiming]) = { samples, _, truth in (samples, truth) }
    ) async throws -> (mean: Double, p95: Double) {
        let script = script(sentences)
        let spoken = try await SpeechSynthesizer.shared.synthesize(script.text, voice: voice, rate: rate)
        let (samples, truth) = edit(spoken.samples, spoken.sampleRate, script.timings(from: spoken, firstSound: true))
        let found = try await OfflineAligner(referenceVoice: language.defaultVoice)
            .timings(of: script, in: samples, sampleRate: spoken.sampleRate)
        #expect(found.count == truth.count)
        let result = errors(found, truth: truth)
        if ProcessInfo.processInfo.environment["ALIGN_DEBUG"] != nil {
            for (f, t) in zip(found, truth) where abs(f.start - t.start) > 0.1 {
                print("  \(label) \(t.text): truth \(t.start) found \(f.start)")
            }
        }
        print(
            "offline alignment, \(label): \(truth.count) words, mean word-start error \(Int(result.mean.rounded())) ms, "
                + "95th percentile \(Int(result.p95.rounded())) ms")
        return result
    }

    @Test(arguments: [
        (Language.en, "en-gb+f3", 150), (Language.en, "en-us+m3", 210), (Language.fr, "fr-fr+f2", 150),
        (Language.fr, "fr-be+m4", 205), (Language.fr, "fr-fr+f4", 175),
    ])
    func anotherVoiceAndSpeed(language: Language, voice: String, rate: Int) async throws {
        let result = try await Self.measure(
            language == .fr ? Self.french : Self.english, language: language, voice: voice, rate: rate,
            label: "\(language.rawValue), \(voice) at \(rate) wpm")
        #expect(result.mean <= 60)
        #expect(result.p95 <= 150)
    }

    @Test(arguments: [Language.en, Language.fr])
    func twoSecondsOfSilenceMidScript(language: Language) async throws {
        let result = try await Self.measure(
            language == .fr ? Self.french : Self.english, language: language,
            voice: language == .fr ? "fr-fr+f4" : "en-us+f4",
            rate: 185, label: "\(language.rawValue), 2 s of silence inserted mid-script"
        ) { samples, rate, truth in
            // Between two words near the middle, so no word is cut.
            let middle = truth[truth.count / 2]
            let at = Int(middle.start * Double(rate)) - rate / 20
            var edited = Array(samples[..<at])
            edited += [Int16](repeating: 0, count: rate * 2)
            edited += samples[at...]
            let shifted = truth.map { word in
                var word = word
                if word.start >= middle.start - 0.001 {
                    word.start += 2
                    word.end += 2
                }
                return word
            }
            return (edited, shifted)
        }
        #expect(result.mean <= 60)
        #expect(result.p95 <= 150)
    }

    @Test(arguments: [Language.en, Language.fr])
    func musicUnderTheVoice(language: Language) async throws {
        let result = try await Self.measure(
            language == .fr ? Self.french : Self.english, language: language,
            voice: language == .fr ? "fr-fr+m2" : "en-gb+m2",
            rate: 165, label: "\(language.rawValue), music under the voice"
        ) { samples, rate, truth in
            (Self.withMusic(samples, sampleRate: rate), truth)
        }
        #expect(result.mean <= 60)
        #expect(result.p95 <= 150)
    }

    /// A chord progression with a beat, about 12 dB under the voice, louder than a ducked bed sits.
    static func withMusic(_ samples: [Int16], sampleRate: Int) -> [Int16] {
        let chords: [[Double]] = [
            [220, 277.2, 329.6], [196, 246.9, 293.7], [174.6, 220, 261.6], [196, 246.9, 329.6],
        ]
        let peak = Double(samples.map { abs(Int($0)) }.max() ?? 1)
        let level = peak * 0.25 / 3
        return samples.indices.map { index in
            let t = Double(index) / Double(sampleRate)
            let chord = chords[Int(t / 2) % chords.count]
            var music = chord.reduce(0.0) { $0 + sin(2 * .pi * $1 * t) }
            let beat = t.truncatingRemainder(dividingBy: 0.5)
            music += 1.5 * exp(-beat * 30) * sin(2 * .pi * 60 * t)
            let mixed = Double(samples[index]) + level * music
            return Int16(max(-32768, min(32767, mixed)))
        }
    }
}
