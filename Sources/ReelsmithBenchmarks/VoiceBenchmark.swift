import Foundation
import Logging
import ReelsmithCore
import ReelsmithEngines
import ReelsmithMedia

/// `reelsmith bench voice` (issue 20): for every installed offline voice, the whole voice stage
/// (start-up, speech, word timings, `voice.wav` and `voice.mp3`) on about 45 s of English, in CPU
/// seconds per second of audio; for piper, its word starts against the model's own phoneme
/// durations on the three texts a person marked (``labelledTexts``).
package struct VoiceBenchmark: Sendable {
    package struct Result: Sendable {
        package var voice: String
        package var audioSeconds: Double
        package var wallSeconds: Double
        package var cpuSeconds: Double
        /// Word-start errors in seconds against the truth; nil for espeak-ng (its word events are the truth).
        package var wordStartErrors: [Double]?

        package var cpuPerAudioSecond: Double { cpuSeconds / max(0.001, audioSeconds) }
    }

    package init() {}

    /// Three texts (numbers, abbreviations and merged words, a long sentence) and piper's phonemes
    /// for each (joe, espeak-ng's en-us spelling), with `|` where each word truly starts, as a
    /// person reads espeak-ng's spelling ("out of" → `ˌaʊɾ|əv`, "do not" → `duː|nˌɑːt`, "e.g." →
    /// "for example").
    package static let labelledTexts: [(text: String, marked: String)] = [
        (
            "In 2026, 3 out of 10 people ran 5.5 km before 7:30 for $20.",
            "^|ɪn |tˈuː θˈaʊzənd twˈɛnti sˈɪks, |θɹˈiːʲ |ˌaʊɾ|əv |tˈɛn |pˈiːpəl |ɹˈæn |fˈaɪv pɔɪnt fˈaɪv |kˌeɪˈɛm "
                + "|bᵻfˌɔːɹ |sˈɛvən θˈɜːɾi |fɔːɹ |dˈɑːlɚ twˈɛnti.$"
        ),
        (
            "Dr. Smith says do not wait: the U.S. team and NASA don't need it, e.g. at 9 a.m.",
            "^|dˈɑːktɚ.$^|smˈɪθ |sˈɛz |duː|nˌɑːt |wˈeɪt: |ðə |jˌuːˈɛs |tˈiːm |ænd |nˈæsɐ |dˈoʊnt |nˈiːd |ɪt, "
                + "|fˌɔːɹɛɡzˈæmpəl |æt |nˈaɪn |ˌeɪˈɛm.$"
        ),
        (
            "When you wake up before your alarm and drink a full glass of water, stretch for two minutes and write "
                + "down the one task that would make today a success, you have already done more than most people "
                + "do before lunch.",
            "^|wˌɛn |juː |wˈeɪk |ˌʌp |bᵻfˌɔːɹ |jʊɹ |ɐlˈɑːɹm |ænd |dɹˈɪŋk |ɐ |fˈʊl |ɡlˈæs |ʌv |wˈɔːɾɚ, |stɹˈɛtʃ "
                + "|fɔːɹ |tˈuː |mˈɪnɪts |ænd |ɹˈaɪt |dˌaʊn |ðə |wˈʌn |tˈæsk |ðæt |wʊd |mˌeɪk |tədˈeɪ |ɐ |səksˈɛs, "
                + "|juː |hæv |ɔːlɹˌɛdi |dˈʌn |mˈɔːɹ |ðɐn |mˈoʊst |pˈiːpəl |dˈuː |bᵻfˌɔːɹ |lˈʌntʃ.$"
        ),
    ]

    /// The labelled texts, then everyday sentences up to about `seconds` of speech.
    package static func scenes(seconds: Double) -> [Script.Scene] {
        let sentences = [
            "Three habits changed how I start every morning, and none of them costs a thing.",
            "First, I drink a full glass of water before I even look at my phone.",
            "Second, I write down the one task that would make the day a success.",
            "Third, I step outside for five minutes of daylight, whatever the weather.",
            "Try it for a week and tell me in the comments which one worked for you.",
        ]
        var scenes = labelledTexts.map { Script.Scene(index: 0, narration: $0.text, keyPhrase: "", imagePrompt: "") }
        var words = scenes.map { $0.narration.split(separator: " ").count }.reduce(0, +)
        while Double(words) < seconds * 3.2 {
            let text = sentences[(scenes.count - labelledTexts.count) % sentences.count]
            scenes.append(Script.Scene(index: 0, narration: text, keyPhrase: "", imagePrompt: ""))
            words += text.split(separator: " ").count
        }
        for index in scenes.indices { scenes[index].index = index + 1 }
        return scenes
    }

    /// Each labelled word's start error against the model's own phoneme durations (piper's
    /// `work/piper.json`), or nil when espeak-ng spells a text otherwise than its label.
    package static func wordStartErrors(_ output: PiperWorker.Output, words: [WordTiming]) -> [Double]? {
        var errors: [Double] = []
        var wordIndex = 0
        for (scene, text) in zip(output.scenes, labelledTexts) {
            guard scene.phonemes.joined() == text.marked.replacingOccurrences(of: "|", with: "") else { return nil }
            var offsets = [scene.start]
            for count in scene.samples { offsets.append(offsets[offsets.count - 1] + count) }
            var phoneme = 0
            for scalar in text.marked.unicodeScalars {
                guard scalar == "|" else {
                    phoneme += 1
                    continue
                }
                guard wordIndex < words.count else { return nil }
                errors.append(abs(words[wordIndex].start - Double(offsets[phoneme]) / Double(output.sampleRate)))
                wordIndex += 1
            }
        }
        return errors
    }

    /// CPU seconds of this process and its finished children.
    static func cpuSeconds() -> Double {
        func seconds(_ who: Int32) -> Double {
            var usage = rusage()
            getrusage(__rusage_who_t(who), &usage)
            return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
                + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1_000_000
        }
        return seconds(RUSAGE_SELF.rawValue) + seconds(RUSAGE_CHILDREN.rawValue)
    }

    /// The offline voices installed here: espeak-ng's English and French, and piper's joe.
    package static func installedVoices() -> [(name: String, engine: any VoiceEngine, piper: Bool)] {
        var voices: [(String, any VoiceEngine, Bool)] = [
            ("espeak-ng en-us", EspeakVoice(voice: "en-us"), false),
            ("espeak-ng fr-fr", EspeakVoice(voice: "fr-fr"), false),
        ]
        let install = PiperInstall.located()
        if let model = install.packagedModel, install.isInstalled {
            let voice = PiperVoiceFile(model: model)
            voices.append(("piper \(voice.name)", PiperVoice(install: install, voice: voice), true))
        }
        return voices
    }

    /// One voice's whole stage on `script`, in a temp folder.
    package func run(
        _ voice: (name: String, engine: any VoiceEngine, piper: Bool), scenes: [Script.Scene], ffmpeg: String = "ffmpeg"
    ) async throws -> Result {
        let staging = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reelsmith-bench-voice-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: staging) }
        let stage = VoiceStage(
            voice: StageEngine(
                .voice, chosen: voice.engine, label: voice.name, offline: voice.engine, onFailure: .fail),
            align: StageEngine(offline: OfflineAligner(referenceVoice: "en-us") as any Aligner, stage: .align),
            ffmpeg: ffmpeg, staging: staging, language: .en, logger: Logger(label: "reelsmith.bench"))
        let spoken = Script(
            title: "", hook: "", script: "", scenes: scenes, hashtags: [], description: "", callToAction: "",
            durationSeconds: 45, language: .en, template: "")
        let clock = ContinuousClock()
        let cpuBefore = Self.cpuSeconds()
        let start = clock.now
        let (timings, _, _) = try await stage.run(spoken)
        let wall = (clock.now - start).seconds
        let cpu = Self.cpuSeconds() - cpuBefore
        var errors: [Double]?
        if voice.piper {
            let output = try JSONDecoder().decode(
                PiperWorker.Output.self, from: Data(contentsOf: staging.appendingPathComponent("work/piper.json")))
            errors = Self.wordStartErrors(output, words: timings.words)
        }
        return Result(
            voice: voice.name, audioSeconds: timings.durationSeconds, wallSeconds: wall, cpuSeconds: cpu,
            wordStartErrors: errors)
    }
}
