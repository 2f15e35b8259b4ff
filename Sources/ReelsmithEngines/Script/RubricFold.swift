import Foundation
import ReelsmithCore
import Synchronization

/// ``Slug/fold(_:)`` and ``ScriptText/tokens(_:)`` for the rubric, fast (issue 23: the back
/// catalogue scores 100,000 captions, and Foundation's `String.folding`, called several times a
/// caption, took most of the 10 s). ASCII is lowercased here, which is all Foundation's case- and
/// diacritic-insensitive folding does to it; any other character is folded by Foundation once,
/// on its own, and remembered. Folding works character by character (a character keeps its
/// combining accents), so the result is Foundation's; `RubricFoldingTests` checks it on every
/// ASCII and Latin character and on emoji, ligatures and combining accents.
enum RubricFold {
    /// Non-ASCII characters already folded (accented letters and emoji: a few hundred in practice).
    private static let folded = Mutex<[Exact: Folded]>([:])
    private static let nicheWords = Mutex<[Exact: String]>([:])
    /// Above this many entries the memory is cleared rather than grown without end.
    private static let capacity = 20_000
    private static let locale = Locale(identifier: "en")

    /// ``Slug/fold(_:)``: lowercased, accent-free, trimmed of white space.
    static func fold(_ text: String) -> String {
        let result = foldedUntrimmed(text)
        guard let first = result.unicodeScalars.first, let last = result.unicodeScalars.last,
            CharacterSet.whitespacesAndNewlines.contains(first)
                || CharacterSet.whitespacesAndNewlines.contains(last)
        else { return result }
        return result.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// ``ScriptText/tokens(_:)``: the folded text split at every character that is neither a letter
    /// nor a number.
    static func tokens(_ text: String) -> [String] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiTokens(text) }
        var tokens: [String] = []
        var current = ""
        func close() {
            if !current.isEmpty {
                tokens.append(current)
                current = ""
            }
        }
        for character in text {
            if let ascii = character.asciiValue, character.utf8.count == 1 {
                switch ascii {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.unicodeScalars.append(Unicode.Scalar(ascii + 32))
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    current.unicodeScalars.append(Unicode.Scalar(ascii))
                default: close()
                }
            } else if character.isASCII {
                close()  // "\r\n"
            } else {
                // Trimming only removes separators, so the tokens need not wait for it.
                for (piece, isWord) in fold(character: character).pieces {
                    if isWord { current.append(piece) } else { close() }
                }
            }
        }
        close()
        return tokens
    }

    /// `text.split(whereSeparator: \.isWhitespace)`, with ASCII characters told apart without a
    /// Unicode property lookup.
    static func words(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let isWhitespace: Bool
            if let ascii = character.asciiValue {  // "\r\n" too: its value is "\n"'s
                isWhitespace = (0x09...0x0D).contains(ascii) || ascii == 0x20
            } else {
                isWhitespace = character.isWhitespace
            }
            if isWhitespace {
                if let wordStart = start { result.append(text[wordStart..<index]) }
                start = nil
            } else if start == nil {
                start = index
            }
            index = text.index(after: index)
        }
        if let wordStart = start { result.append(text[wordStart..<text.endIndex]) }
        return result
    }

    /// ``ScriptText/wordCount(_:)``: white-space-separated words with a letter or a digit.
    static func wordCount(_ text: String) -> Int {
        words(text).filter { word in
            word.utf8.contains { byte in
                (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                    || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            }
                || (word.utf8.contains { $0 >= 0x80 }
                    && word.unicodeScalars.contains { CharacterSet.alphanumerics.contains($0) })
        }.count
    }

    /// ASCII text's tokens: runs of letters and digits, lowercased.
    private static func asciiTokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.append(byte + 32)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): current.append(byte)
            default:
                if !current.isEmpty {
                    tokens.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
            }
        }
        if !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)) }
        return tokens
    }

    /// The text folded character by character, not trimmed.
    private static func foldedUntrimmed(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.map { (0x41...0x5A).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
        }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            if let ascii = character.asciiValue, character.unicodeScalars.count == 1 {
                result.unicodeScalars.append(Unicode.Scalar((0x41...0x5A).contains(ascii) ? ascii + 32 : ascii))
            } else if character.isASCII {
                result.append(character)  // "\r\n": no letter to fold
            } else {
                result += fold(character: character).text
            }
        }
        return result
    }

    /// ``Slug/make(_:maximumLength:)`` without its dashes: the word a niche hashtag contains. A
    /// catalogue has a few niches, each made once.
    static func nicheWord(_ niche: String) -> String {
        if let known = nicheWords.withLock({ $0[Exact(text: niche)] }) { return known }
        let word = Slug.make(niche).replacingOccurrences(of: "-", with: "")
        nicheWords.withLock { memory in
            if memory.count >= capacity { memory.removeAll(keepingCapacity: true) }
            memory[Exact(text: niche)] = word
        }
        return word
    }

    /// A non-ASCII character folded by Foundation, and the folded text's characters with whether
    /// each belongs to a token (a letter or a number).
    private struct Folded: Sendable {
        let text: String
        let pieces: [(Character, Bool)]
    }

    private static func fold(character: Character) -> Folded {
        let key = Exact(text: String(character))
        if let known = folded.withLock({ $0[key] }) { return known }
        let text = key.text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: locale)
        let result = Folded(text: text, pieces: text.map { ($0, $0.isLetter || $0.isNumber) })
        folded.withLock { memory in
            if memory.count >= capacity { memory.removeAll(keepingCapacity: true) }
            memory[key] = result
        }
        return result
    }

    /// A character compared by its bytes: Swift's `==` on strings is canonical equivalence, which
    /// would hand "é" the folding of "e\u{301}" (the same letter, other bytes).
    private struct Exact: Hashable, Sendable {
        let text: String
        static func == (left: Exact, right: Exact) -> Bool { left.text.utf8.elementsEqual(right.text.utf8) }
        func hash(into hasher: inout Hasher) {
            for byte in text.utf8 { hasher.combine(byte) }
        }
    }
}
