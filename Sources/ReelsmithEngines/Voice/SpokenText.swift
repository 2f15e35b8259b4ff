import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// Turns script text into what the voice says and the captions show: hashtags, emoji, links
/// and markdown are never read aloud (DESIGN §2, stage 4).
enum SpokenText {
    static func clean(_ text: String) -> String {
        var result = text
        // [label](address) keeps its label.
        result = result.replacingOccurrences(of: #"\[([^\]]*)\]\([^)]*\)"#, with: "$1", options: .regularExpression)
        result = result.replacingOccurrences(of: #"(?i)\b(https?://|www\.)\S+"#, with: " ", options: .regularExpression)
        result = result.replacingOccurrences(of: #"(^|\s)#[\p{L}\p{N}_]+"#, with: "$1", options: .regularExpression)
        result = result.replacingOccurrences(of: #"(^|\s)@(?=[\p{L}\p{N}_])"#, with: "$1", options: .regularExpression)
        result = result.replacingOccurrences(of: #"(?m)^\s*(#{1,6}|>|[-*+])\s+"#, with: "", options: .regularExpression)
        result = result.replacingOccurrences(of: #"[*_`~]+"#, with: "", options: .regularExpression)
        result = removingEmoji(result)
        return result.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Emoji, their joiners, skin tones and variation selectors removed; digits, `#` and `*` kept.
    static func removingEmoji(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isEmojiPart(scalar) { scalars.append(scalar) }
        return String(scalars)
    }

    private static func isEmojiPart(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isEmojiPresentation || properties.isEmojiModifier { return true }
        if properties.isEmoji && scalar.value > 0xFF { return true }
        switch scalar.value {
        case 0x200D, 0xFE0E, 0xFE0F, 0x20E3, 0xE0020...0xE007F: return true
        default: return false
        }
    }
}
