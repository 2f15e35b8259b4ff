import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// What a voice engine said: mono 16-bit samples, the word timings when the engine knows them,
/// and the engine's own file when it can be published as it is.
package struct VoiceTrack: Sendable {
    package var samples: [Int16]
    package var sampleRate: Int
    /// Exact word timings from the engine (espeak-ng's word events); nil for a voice that gives none.
    package var words: [WordTiming]?
    /// The provider's MP3 when it came in one piece: published byte for byte as `voice.mp3`.
    package var mp3: Data?
    /// How `report.json` and `timings.json` name the voice.
    package var label: String

    package var durationSeconds: Double { Double(samples.count) / Double(sampleRate) }
}

/// A voice engine (DESIGN §7): says the voice script's text.
package protocol VoiceEngine: Sendable {
    func speak(_ script: VoiceScript, in staging: URL) async throws -> VoiceTrack
}

/// espeak-ng in-process: the offline voice, whose word events give exact timings.
package struct EspeakVoice: VoiceEngine {
    package var voice: String

    package init(voice: String) { self.voice = voice }

    package func speak(_ script: VoiceScript, in staging: URL) async throws -> VoiceTrack {
        let audio = try await SpeechSynthesizer.shared.synthesize(script.text, voice: voice)
        return VoiceTrack(
            samples: audio.samples, sampleRate: audio.sampleRate, words: script.timings(from: audio), mp3: nil,
            label: "offline (espeak-ng \(voice))")
    }
}
