import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// A model's score over the wire: the five criteria's points and reasons. Other keys a model
/// adds (a `total`, say) are ignored: our code sums the total.
struct ModelScore: Sendable, Equatable, Decodable {
    package struct Criterion: Sendable, Codable, Equatable {
        package var points: Double
        package var reason: String
    }

    package var criteria: [String: Criterion]

    private struct Key: CodingKey {
        package var stringValue: String
        var intValue: Int? { nil }
        package init(stringValue: String) { self.stringValue = stringValue }
        package init?(intValue: Int) { nil }
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        var criteria: [String: Criterion] = [:]
        for criterion in ScoreSchema.criteria {
            criteria[criterion.name] = try container.decodeIfPresent(
                Criterion.self, forKey: Key(stringValue: criterion.name))
        }
        self.criteria = criteria
    }
}
