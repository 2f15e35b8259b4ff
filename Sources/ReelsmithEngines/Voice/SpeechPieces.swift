import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// Long text cut into pieces a speech endpoint takes (OpenAI's `/audio/speech` takes 4,096
/// characters): at sentence ends, else at a comma or a space, never inside a word.
enum SpeechPieces {
    package static func split(_ text: String, limit: Int) -> [String] {
        let limit = max(20, limit)
        guard text.count > limit else { return text.isEmpty ? [] : [text] }
        var pieces: [String] = []
        var current = ""
        for sentence in sentences(of: text) {
            for part in sentence.count > limit ? shortened(sentence, limit: limit) : [sentence] {
                if current.isEmpty {
                    current = part
                } else if current.count + 1 + part.count <= limit {
                    current += " " + part
                } else {
                    pieces.append(current)
                    current = part
                }
            }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    /// Sentences with their final punctuation (`.`, `!`, `?`, `…`, and closing quotes after them).
    package static func sentences(of text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var ended = false
        for character in text {
            if ended, character.isWhitespace {
                result.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
                ended = false
                continue
            }
            current.append(character)
            if ".!?…".contains(character) {
                ended = true
            } else if !"\"'»”)".contains(character) {
                ended = false
            }
        }
        let last = current.trimmingCharacters(in: .whitespaces)
        if !last.isEmpty { result.append(last) }
        return result.filter { !$0.isEmpty }
    }

    /// A sentence longer than the limit: cut after commas or semicolons, else between words.
    private static func shortened(_ sentence: String, limit: Int) -> [String] {
        var parts: [String] = []
        var current = ""
        for word in sentence.split(separator: " ").map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if candidate.count > limit, !current.isEmpty {
                parts.append(current)
                current = word
            } else {
                current = candidate
            }
            if current.count > limit / 2, let last = current.last, ",;:".contains(last) {
                parts.append(current)
                current = ""
            }
        }
        if !current.isEmpty { parts.append(current) }
        // A single word longer than the limit (a long URL-like token) is cut at the limit.
        return parts.flatMap { part in
            part.count > limit
                ? stride(from: 0, to: part.count, by: limit).map { String(part.dropFirst($0).prefix(limit)) } : [part]
        }
    }
}
