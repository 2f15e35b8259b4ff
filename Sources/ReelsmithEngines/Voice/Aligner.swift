import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// The align stage's engine (STYLE rule 18): the word timings of a voice that gave none. Offline:
/// ``OfflineAligner``; at a provider: ``TranscriptionAligner``.
package protocol Aligner: Sendable {
    /// The timings of `script`'s words in `track` (also given as the published `mp3`).
    func timings(of script: VoiceScript, track: VoiceTrack, mp3: Data, language: Language) async throws -> [WordTiming]
}

extension OfflineAligner: Aligner {
    package func timings(of script: VoiceScript, track: VoiceTrack, mp3: Data, language: Language) async throws
        -> [WordTiming]
    {
        try await timings(of: script, in: track.samples, sampleRate: track.sampleRate)
    }
}

extension TranscriptionAligner: Aligner {
    package func timings(of script: VoiceScript, track: VoiceTrack, mp3: Data, language: Language) async throws
        -> [WordTiming]
    {
        try await timings(of: script, audio: mp3, duration: track.durationSeconds, language: language)
    }
}
