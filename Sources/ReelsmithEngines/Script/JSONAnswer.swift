import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// Finds the JSON object in a model's answer, tolerantly: servers without structured outputs wrap
/// it in code fences or put a sentence before it.
enum JSONAnswer {
    package static func extract(from content: String) throws(AnswerProblem) -> Data {
        let trimmed = content.trimmingCharacters(in: .whitespacesAndNewlines)
        if isObject(trimmed) { return Data(trimmed.utf8) }
        // ```json … ``` fences, anywhere in the answer.
        if let fence = trimmed.range(of: "```") {
            let afterFence = trimmed[fence.upperBound...]
            let body = afterFence.drop { $0 != "\n" && $0 != "{" }
            if let end = body.range(of: "```") {
                let inner = body[..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
                if isObject(inner) { return Data(inner.utf8) }
            }
        }
        // Leading or trailing prose: the first balanced {…} that parses.
        if let object = firstBalancedObject(in: trimmed) { return Data(object.utf8) }
        throw AnswerProblem("the answer holds no JSON object")
    }

    private static func isObject(_ text: String) -> Bool {
        guard text.hasPrefix("{"), text.hasSuffix("}") else { return false }
        return (try? JSONSerialization.jsonObject(with: Data(text.utf8))) is [String: Any]
    }

    private static func firstBalancedObject(in text: String) -> String? {
        let characters = Array(text)
        var start = characters.firstIndex(of: "{")
        while let opening = start {
            var depth = 0
            var inString = false
            var escaped = false
            for index in opening..<characters.count {
                let character = characters[index]
                if inString {
                    if escaped {
                        escaped = false
                    } else if character == "\\" {
                        escaped = true
                    } else if character == "\"" {
                        inString = false
                    }
                    continue
                }
                if character == "\"" {
                    inString = true
                } else if character == "{" {
                    depth += 1
                } else if character == "}" {
                    depth -= 1
                    if depth == 0 {
                        let candidate = String(characters[opening...index])
                        if isObject(candidate) { return candidate }
                        break
                    }
                }
            }
            start = characters[(opening + 1)...].firstIndex(of: "{")
        }
        return nil
    }
}
