import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// Turns a model's score into a ``ViralityScore``: every criterion present, points clamped to
/// their caps and rounded, the total recomputed by our code (never the model's own sum).
enum ScoreAnswerCheck {
    static let maximumReasonLength = 300

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
            guard given.points.isFinite else { throw AnswerProblem("`\(criterion.name).points` is not a number") }
            let points = min(criterion.maximum, max(0, Int(given.points.rounded())))
            var reason = ScriptAnswerCheck.withoutControlCharacters(given.reason)
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if reason.count > maximumReasonLength { reason = String(reason.prefix(maximumReasonLength - 1)) + "…" }
            guard !reason.isEmpty else { throw AnswerProblem("`\(criterion.name).reason` is empty") }
            criteria.append(.init(name: criterion.name, points: points, maximum: criterion.maximum, reason: reason))
        }
        return ViralityScore(criteria: criteria)
    }
}
