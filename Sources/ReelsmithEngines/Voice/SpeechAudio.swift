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
    }

    package var samples: [Int16]
    package var sampleRate: Int
    package var events: [WordEvent]

    package var durationSeconds: Double { Double(samples.count) / Double(sampleRate) }
}
