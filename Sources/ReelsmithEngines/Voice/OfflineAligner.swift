import Alignment
import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// Word timings for a voice that gave none, offline (DESIGN §7, the aeneas way): espeak-ng says
/// the same text (its word and phoneme events are exact), both tracks become speech features,
/// dynamic time warping matches them frame by frame, and each word's start in espeak's track is
/// carried onto the real voice. Two espeak voices are warped, and each word's two starts averaged:
/// where one reference's warp strays, the other's rarely strays the same way.
package struct OfflineAligner: Sendable {
    /// The espeak-ng voice of the first reference track (the language's default).
    package var referenceVoice: String

    package init(referenceVoice: String) {
        self.referenceVoice = referenceVoice
    }

    /// How reports name it.
    package static let label = "offline (espeak-ng and dynamic time warping)"

    /// The second reference: the same language in espeak's `m3` variant (another pitch and
    /// timbre, the same pronunciation).
    static let secondVariant = "m3"

    /// How much later than the warp puts it a word's sound starts in a natural voice (seconds):
    /// the warp matches where the voice starts moving toward the word's first sound, which in a
    /// neural voice is a gradual transition; its own duration model places the sound ~15 ms later.
    /// Measured against piper's phoneme durations (`PiperAlignmentTests`, 150 words): the signed
    /// mean error was −15 ms in every class of first sound (stops, fricatives, vowels, sonorants).
    static let soundLag = 0.015

    /// The reference voices: the chosen one, then its language in ``secondVariant``.
    var referenceVoices: [String] {
        let language = referenceVoice.split(separator: "+", maxSplits: 1).first.map(String.init) ?? referenceVoice
        let second = "\(language)+\(Self.secondVariant)"
        return second == referenceVoice ? [referenceVoice] : [referenceVoice, second]
    }

    /// The timings of `script`'s words in `audio` (16-bit mono samples at `sampleRate`).
    package func timings(of script: VoiceScript, in samples: [Int16], sampleRate: Int) async throws -> [WordTiming] {
        let target = SpeechFeatures(samples: samples, sampleRate: sampleRate)
        let duration = Double(samples.count) / Double(sampleRate)
        var carriedStarts: [[WordTiming]] = []
        for (index, voice) in referenceVoices.enumerated() {
            let reference: SpeechAudio
            do {
                reference = try await SpeechSynthesizer.shared.synthesize(script.text, voice: voice)
            } catch  where index > 0 {
                break  // an espeak-ng without the variant: the first reference alone
            }
            let warp = DynamicTimeWarping.warp(
                reference: SpeechFeatures(samples: reference.samples, sampleRate: reference.sampleRate), target: target)
            // Where each word's first sound starts in espeak's track: the word event of a word linked
            // to the one before sits on their shared sound (issue 19: "in" after "done" was 131 ms early).
            carriedStarts.append(
                Self.carried(script.timings(from: reference, firstSound: true), through: warp, duration: duration))
        }
        return Self.combined(carriedStarts, lag: Self.soundLag, duration: duration)
    }

    /// Each word's reference start carried onto the target; kept in order; each word ends where
    /// the next starts, the last where the track ends.
    package static func carried(_ words: [WordTiming], through warp: TimeWarp, duration: Double) -> [WordTiming] {
        var starts: [Double] = []
        for word in words {
            let start = min(duration, warp.targetSeconds(forReference: word.start))
            starts.append(max(start, starts.last ?? 0))
        }
        return ended(words, starts: starts, duration: duration)
    }

    /// Per word, the mean of its starts in `each` (the same words, carried through several
    /// references), `lag` later; kept in order and inside the track.
    static func combined(_ each: [[WordTiming]], lag: Double, duration: Double) -> [WordTiming] {
        guard let first = each.first else { return [] }
        var starts: [Double] = []
        for index in first.indices {
            let mean = each.map { $0[index].start }.reduce(0, +) / Double(each.count)
            starts.append(max(min(duration, mean + lag), starts.last ?? 0))
        }
        return ended(first, starts: starts, duration: duration)
    }

    /// `words` starting at `starts`, each ending where the next starts and the last at `duration`.
    private static func ended(_ words: [WordTiming], starts: [Double], duration: Double) -> [WordTiming] {
        words.indices.map { index in
            var word = words[index]
            word.start = starts[index]
            word.end = index + 1 < words.count ? starts[index + 1] : duration
            return word
        }
    }
}
