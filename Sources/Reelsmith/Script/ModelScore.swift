/// A model's score over the wire: the five criteria's points and reasons. Other keys a model
/// adds (a `total`, say) are ignored: our code sums the total.
struct ModelScore: Sendable, Equatable, Decodable {
    struct Criterion: Sendable, Codable, Equatable {
        var points: Double
        var reason: String
    }

    var criteria: [String: Criterion]

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        var criteria: [String: Criterion] = [:]
        for criterion in ScoreSchema.criteria {
            criteria[criterion.name] = try container.decodeIfPresent(Criterion.self, forKey: Key(stringValue: criterion.name))
        }
        self.criteria = criteria
    }
}
