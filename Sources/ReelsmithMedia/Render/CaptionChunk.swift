import ReelsmithCore

/// A few words shown together on screen, timed by their words.
package struct CaptionChunk: Sendable, Equatable {
    package var words: [WordTiming]
    package var start: Double
    package var end: Double

    package var text: String { words.map(\.text).joined(separator: " ") }

    static let maximumWords = 3
    package static let maximumCharacters = 18

    /// Splits timed words into short chunks (≤ 3 words or ≤ ~18 characters), never across a
    /// scene or a sentence end. Each chunk starts exactly at its first word and lasts until the
    /// next chunk (or the end of the voice).
    package static func chunks(from words: [WordTiming], totalDuration: Double) -> [CaptionChunk] {
        var groups: [[WordTiming]] = []
        var current: [WordTiming] = []
        for word in words {
            let length = current.map(\.text.count).reduce(0, +) + current.count + word.text.count
            if let last = current.last,
                current.count >= maximumWords || length > maximumCharacters || last.scene != word.scene
                    || last.text.last.map({ ".!?…".contains($0) }) == true
            {
                groups.append(current)
                current = []
            }
            current.append(word)
        }
        if !current.isEmpty { groups.append(current) }
        return groups.enumerated().map { index, group in
            let next = index + 1 < groups.count ? groups[index + 1][0].start : totalDuration
            return CaptionChunk(words: group, start: group[0].start, end: max(group[0].start + 0.05, next))
        }
    }
}
