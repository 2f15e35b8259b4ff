import Alignment
import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// Word timings for a voice that gave none, offline (DESIGN §7, the aeneas way): espeak-ng says
/// the same text (its word events are exact), both tracks become speech features, dynamic time
/// warping matches them frame by frame, and each word's start in espeak's track is carried onto
/// the real voice.
package struct OfflineAligner: Sendable {
    /// The espeak-ng voice of the reference track (the language's default).
    package var referenceVoice: String

    package init(referenceVoice: String) {
        self.referenceVoice = referenceVoice
    }

    /// How reports name it.
    package static let label = "offline (espeak-ng and dynamic time warping)"

    /// The timings of `script`'s words in `audio` (16-bit mono samples at `sampleRate`).
    package func timings(of script: VoiceScript, in samples: [Int16], sampleRate: Int) async throws -> [WordTiming] {
        let reference = try await SpeechSynthesizer.shared.synthesize(script.text, voice: referenceVoice)
        let referenceTimings = script.timings(from: reference)
        let warp = DynamicTimeWarping.warp(
            reference: SpeechFeatures(samples: reference.samples, sampleRate: reference.sampleRate),
            target: SpeechFeatures(samples: samples, sampleRate: sampleRate))
        let duration = Double(samples.count) / Double(sampleRate)
        return Self.carried(referenceTimings, through: warp, duration: duration)
    }

    /// Each word's reference start carried onto the target; kept in order; each word ends where
    /// the next starts, the last where the track ends.
    package static func carried(_ words: [WordTiming], through warp: TimeWarp, duration: Double) -> [WordTiming] {
        var starts: [Double] = []
        for word in words {
            let start = min(duration, warp.targetSeconds(forReference: word.start))
            starts.append(max(start, starts.last ?? 0))
        }
        return words.indices.map { index in
            var word = words[index]
            word.start = starts[index]
            word.end = index + 1 < words.count ? starts[index + 1] : duration
            return word
        }
    }
}
