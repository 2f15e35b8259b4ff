import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// Synthesised speech: 16-bit mono samples and the word events espeak-ng reported.
package struct SpeechAudio: Sendable {
    package struct WordEvent: Sendable {
        /// 1-based character (Unicode scalar) index into the synthesised text.
        var textPosition: Int
        package var length: Int
        package var milliseconds: Int
        /// Where the word's first sound starts: the first phoneme espeak-ng reports after the word.
        /// Later than `milliseconds` for a word linked to the one before ("done in": espeak puts
        /// the event for "in" on the n they share) and where a stop's closure comes first.
        package var soundMilliseconds: Int
    }

    package var samples: [Int16]
    package var sampleRate: Int
    package var events: [WordEvent]

    package var durationSeconds: Double { Double(samples.count) / Double(sampleRate) }
}
