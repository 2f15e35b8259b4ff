import Foundation
import ReelsmithCore

/// Where a title card's words go (issue 21): the key phrase in lines, the accent word (a number
/// when there is one, else the longest word that is not a stopword) on a line of its own, larger,
/// on a plate of the niche's accent colour; the block centred in TikTok's safe zone (x 60…910,
/// y 250…1470: clear of the top bar, the caption and buttons at the bottom and the action buttons
/// on the right). No word is ever cut: a long word makes the font smaller instead.
package struct CardLayout: Sendable, Equatable {
    package struct Line: Sendable, Equatable {
        package var text: String
        package var isAccent: Bool
    }

    package var lines: [Line]
    package var fontSize: Int
    package var accentFontSize: Int

    /// Where a card's text and sticker go: TikTok's safe zone (x 60…910, y 250…1470) narrowed so
    /// they stay inside it while the still moves (a 6 % zoom or pan enlarges the card by 6 % and a
    /// pan shifts it by up to 65 px), and ending above the captions (baseline 1400).
    package static let safeLeft = 118
    package static let safeRight = 858
    package static let safeTop = 290
    package static let safeBottom = 1280
    /// The emoji sticker's height above the text.
    package static let stickerSize = 150

    /// Average advance of a bold DejaVu Sans character, as a share of the font size.
    static let characterWidth = 0.62

    package init(phrase: String, stopwords: Set<String>, fontSize: Int = 92, maximumLines: Int = 6) {
        let words = phrase.split(whereSeparator: \.isWhitespace).map(String.init)
        let accentIndex = Self.accentIndex(words, stopwords: stopwords)
        let width = Double(Self.safeRight - Self.safeLeft - 40)
        let longest = words.map(\.count).max() ?? 1
        // The accent line is 1.2× larger: its word must fit too.
        let accentLength = accentIndex.map { words[$0].count } ?? 0
        let fitting = min(
            Double(fontSize), width / (Self.characterWidth * Double(max(longest, 1))),
            width / (Self.characterWidth * 1.2 * Double(max(accentLength, 1))))
        self.fontSize = max(30, Int(fitting.rounded(.down)))
        accentFontSize = Int((Double(self.fontSize) * 1.2).rounded(.down))
        let perLine = max(longest, Int(width / (Self.characterWidth * Double(self.fontSize))))
        var lines: [Line] = []
        var current: [String] = []
        func flush() {
            if !current.isEmpty { lines.append(Line(text: current.joined(separator: " "), isAccent: false)) }
            current = []
        }
        for (index, word) in words.enumerated() {
            if index == accentIndex {
                flush()
                lines.append(Line(text: word, isAccent: true))
                continue
            }
            if (current + [word]).joined(separator: " ").count > perLine { flush() }
            current.append(word)
        }
        flush()
        if lines.count > maximumLines {
            lines = Array(lines.prefix(maximumLines))
            lines[maximumLines - 1].text += "…"
        }
        self.lines = lines.isEmpty ? [Line(text: " ", isAccent: false)] : lines
    }

    /// A word with a digit first ("1.6", "30"), else the longest that is not a stopword.
    static func accentIndex(_ words: [String], stopwords: Set<String>) -> Int? {
        if let number = words.firstIndex(where: { $0.contains(where: \.isNumber) }) { return number }
        let candidates = words.enumerated().filter { _, word in
            let folded = Slug.fold(word.trimmingCharacters(in: .punctuationCharacters))
            return folded.count > 3 && !stopwords.contains(folded)
        }
        return candidates.max { $0.element.count < $1.element.count }?.offset
    }

    /// Line heights in pixels.
    package var lineHeights: [Int] {
        lines.map { Int(Double($0.isAccent ? accentFontSize : fontSize) * 1.3) }
    }

    /// The top of the text block: centred in the safe zone, the sticker above it.
    package var firstY: Int {
        let total = lineHeights.reduce(0, +) + Self.stickerSize + 30
        return (Self.safeTop + Self.safeBottom) / 2 - total / 2 + Self.stickerSize + 30
    }

    /// The centre of the safe zone's width, where lines are centred.
    package static var centerX: Int { (safeLeft + safeRight) / 2 }

    /// How many lines beat `beat` (1-based) of `beats` shows: the phrase appears as it is said,
    /// the whole of it on the last beat.
    package func visibleLines(beat: Int, of beats: Int) -> Int {
        guard beats > 1 else { return lines.count }
        return max(1, min(lines.count, Int((Double(lines.count * beat) / Double(beats)).rounded(.up))))
    }
}
