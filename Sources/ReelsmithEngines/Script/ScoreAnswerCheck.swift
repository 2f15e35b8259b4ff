import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// Turns a model's score into a ``ViralityScore``: every criterion present, its points a number
/// within its cap (rounded), its reason a sentence; the total recomputed by our code (never the
/// model's own sum). Points out of range or reasons that are not sentences ("1", "2") make the
/// answer unusable (issue 19: 6.8e15 points with reasons "1"…"4" were clamped to 100/100): the
/// model is asked once more with the problem quoted, then the offline rubric scores.
enum ScoreAnswerCheck {
    static let maximumReasonLength = 300
    /// A reason has at least this many words with letters in them.
    static let minimumReasonWords = 2

    package static func score(from json: Data) throws(AnswerProblem) -> ViralityScore {
        let answer: ModelScore
        do {
            answer = try JSONDecoder().decode(ModelScore.self, from: json)
        } catch {
            throw AnswerProblem("the JSON does not match the schema (\(DecodingProblem.describe(error)))")
        }
        var criteria: [ViralityScore.Criterion] = []
        for criterion in ScoreSchema.criteria {
            guard let given = answer.criteria[criterion.name] else {
                throw AnswerProblem("the criterion `\(criterion.name)` is missing")
            }
            guard let points = ModelNumber.whole(given.points, in: 0...criterion.maximum) else {
                throw AnswerProblem(
                    "`\(criterion.name).points` is \(ModelNumber.quoted(given.points)); it must be a whole number from 0 to \(criterion.maximum)"
                )
            }
            var reason = ScriptAnswerCheck.withoutControlCharacters(given.reason)
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if reason.count > maximumReasonLength { reason = String(reason.prefix(maximumReasonLength - 1)) + "…" }
            guard !reason.isEmpty else { throw AnswerProblem("`\(criterion.name).reason` is empty") }
            guard isSentence(reason) else {
                throw AnswerProblem(
                    "`\(criterion.name).reason` is \"\(reason.prefix(40))\"; it must be one sentence saying why, in words"
                )
            }
            criteria.append(.init(name: criterion.name, points: points, maximum: criterion.maximum, reason: reason))
        }
        return ViralityScore(criteria: criteria)
    }

    /// Words, not a number or a symbol: at least ``minimumReasonWords`` words holding letters.
    static func isSentence(_ reason: String) -> Bool {
        reason.split(separator: " ").filter { $0.contains(where: \.isLetter) }.count >= minimumReasonWords
    }
}
