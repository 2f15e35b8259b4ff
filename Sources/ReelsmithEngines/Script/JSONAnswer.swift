import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// Finds the JSON object in a model's answer, tolerantly: servers without structured outputs wrap
/// it in code fences or put a sentence before it. An object that is not valid JSON is repaired
/// when the fault is one models make and the repair unambiguous (``JSONDiagnosis``); otherwise
/// the fault itself is the problem, never a key "missing" from a fragment found inside it.
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
        // Leading or trailing prose: the first whole {…} that parses, or parses once repaired.
        // An object that does not is judged whole: the objects inside it are not answers.
        var firstFault: (offset: Int, fault: JSONDiagnosis.Fault)?
        for candidate in outermostObjects(in: trimmed) {
            if isObject(candidate.text) { return Data(candidate.text.utf8) }
            if let repaired = JSONDiagnosis.repaired(candidate.text), isObject(repaired) { return Data(repaired.utf8) }
            if firstFault == nil {
                firstFault = (
                    candidate.offset,
                    JSONDiagnosis.fault(in: candidate.text)
                        ?? .init(
                            offset: 0, line: 1, column: 1, problem: "it is not a JSON object")
                )
            }
        }
        guard let (offset, fault) = firstFault else { throw AnswerProblem("the answer holds no JSON object") }
        // Where the fault is in the whole answer, as the model wrote it.
        let place = position(of: offset + fault.offset, in: trimmed)
        throw AnswerProblem(
            "the answer is not valid JSON: at line \(place.line), column \(place.column), \(fault.problem)")
    }

    private static func isObject(_ text: String) -> Bool {
        guard text.hasPrefix("{"), text.hasSuffix("}") else { return false }
        return (try? JSONSerialization.jsonObject(with: Data(text.utf8))) is [String: Any]
    }

    /// 1-based line and column of the `offset`th Unicode scalar of `text`.
    private static func position(of offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars.prefix(offset) {
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }

    /// Each `{` outside strings that starts at depth 0, with the text up to its matching `}` (or to
    /// the end when it is never closed), and its offset in Unicode scalars.
    private static func outermostObjects(in text: String) -> [(offset: Int, text: String)] {
        let scalars = Array(text.unicodeScalars)
        var objects: [(offset: Int, text: String)] = []
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "{" else {
                index += 1
                continue
            }
            let opening = index
            var depth = 0
            var scanner = JSONStringScanner()
            var closing: Int?
            while index < scalars.count {
                let scalar = scalars[index]
                index += 1
                guard scanner.role(of: scalar) == .structure else { continue }
                if scalar == "{" || scalar == "[" {
                    depth += 1
                } else if scalar == "}" || scalar == "]" {
                    depth -= 1
                    if depth == 0 {
                        closing = index
                        break
                    }
                }
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[opening..<(closing ?? scalars.count)])
            objects.append((opening, String(view)))
        }
        return objects
    }
}
