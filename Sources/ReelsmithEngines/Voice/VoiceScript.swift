import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// The text handed to the voice, split into the words the captions will show, with each word's
/// position in that text so espeak-ng's word events can be mapped back onto them.
package struct VoiceScript: Sendable, Equatable {
    package struct Word: Sendable, Equatable {
        package var text: String
        /// 1-based index, in Unicode scalars, of the word's first character (espeak's `text_position`).
        package var position: Int
        package var scene: Int
    }

    package var text: String
    package var words: [Word]

    package init(scenes: [Script.Scene]) {
        var text = ""
        var words: [Word] = []
        var position = 0
        for scene in scenes {
            let spoken = SpokenText.clean(scene.narration)
            guard !spoken.isEmpty else { continue }
            if !text.isEmpty {
                text += " "
                position += 1
            }
            for (offset, piece) in spoken.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
                if offset > 0 { position += 1 }
                if piece.unicodeScalars.contains(where: {
                    $0.properties.isAlphabetic || $0.properties.numericType != nil
                }) {
                    words.append(Word(text: String(piece), position: position + 1, scene: scene.index))
                } else if !words.isEmpty, words[words.count - 1].scene == scene.index {
                    // Punctuation standing alone (French `suite !`) stays with its word on screen.
                    words[words.count - 1].text += " " + piece
                }
                position += piece.unicodeScalars.count
            }
            text += spoken
        }
        self.text = text
        self.words = words
    }

    /// Each word's start from the word events: an event belongs to the last word starting at or
    /// before its position (French elisions give one event for "l'été"; English may add a stray
    /// zero-length event at a sentence start). Words without an event are placed between their
    /// neighbours; each word ends where the next begins. `firstSound`: a word starts where its
    /// first phoneme does, not at its event (what the offline aligner carries onto another voice).
    package func timings(from audio: SpeechAudio, firstSound: Bool = false) -> [WordTiming] {
        guard !words.isEmpty else { return [] }
        var starts = [Double?](repeating: nil, count: words.count)
        var hasRealEvent = [Bool](repeating: false, count: words.count)
        var index = 0
        for event in audio.events.sorted(by: { $0.textPosition < $1.textPosition }) {
            while index + 1 < words.count, words[index + 1].position <= event.textPosition { index += 1 }
            guard words[index].position <= event.textPosition + 1 else { continue }
            let seconds = Double(firstSound ? event.soundMilliseconds : event.milliseconds) / 1000
            let isReal = event.length > 0
            if starts[index] == nil || (isReal && !hasRealEvent[index]) {
                starts[index] = seconds
                hasRealEvent[index] = isReal
            }
        }
        return timings(starts: starts, duration: audio.durationSeconds)
    }

    /// Timings from the starts found for some words (nil for the others): times made
    /// non-decreasing, missing starts placed evenly between their known neighbours, each word
    /// ending where the next begins and the last where the audio ends.
    package func timings(starts found: [Double?], duration total: Double) -> [WordTiming] {
        var starts = found
        var last = 0.0
        for i in starts.indices {
            if let start = starts[i] {
                starts[i] = max(start, last)
                last = starts[i]!
            }
        }
        var resolved = [Double](repeating: 0, count: words.count)
        var i = 0
        while i < words.count {
            if let start = starts[i] {
                resolved[i] = start
                i += 1
                continue
            }
            let previous = i > 0 ? resolved[i - 1] : 0
            var j = i
            while j < words.count, starts[j] == nil { j += 1 }
            let next = j < words.count ? starts[j]! : total
            let step = (next - previous) / Double(j - i + 1)
            for k in i..<j { resolved[k] = previous + step * Double(k - i + 1) }
            i = j
        }
        return words.indices.map { k in
            let end = k + 1 < words.count ? resolved[k + 1] : total
            return WordTiming(
                text: words[k].text, start: resolved[k], end: max(resolved[k], end), scene: words[k].scene)
        }
    }
}
