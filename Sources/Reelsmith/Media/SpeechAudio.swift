import Foundation

/// Synthesised speech: 16-bit mono samples and the word events espeak-ng reported.
struct SpeechAudio: Sendable {
    struct WordEvent: Sendable {
        /// 1-based character (Unicode scalar) index into the synthesised text.
        var textPosition: Int
        var length: Int
        var milliseconds: Int
    }

    var samples: [Int16]
    var sampleRate: Int
    var events: [WordEvent]

    var durationSeconds: Double { Double(samples.count) / Double(sampleRate) }
}
