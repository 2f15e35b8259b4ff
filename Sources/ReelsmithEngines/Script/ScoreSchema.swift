import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// The JSON Schema of a model's virality score: the seed's five criteria, each with its points and
/// a one-line reason. The caps are in the schema as a guide, and enforced by our code.
enum ScoreSchema {
    package static let name = "virality_score"

    /// The criteria and their caps (DESIGN §2, stage 2), in the rubric's order.
    package static let criteria: [(name: String, maximum: Int, meaning: String)] = [
        ("hook", 25, "does the first sentence stop the scroll in 2 seconds"),
        ("structure", 25, "hook, development, call to action; one idea per scene; the requested scene count"),
        ("timing", 20, "the spoken length against the target duration; the pace"),
        ("emotional_triggers", 20, "curiosity, surprise, urgency, belonging, aspiration"),
        ("seo_hashtags", 10, "hashtags and keywords that fit the niche; their number"),
    ]

    package static func schema() -> JSONValue {
        var properties: [String: JSONValue] = [:]
        for criterion in criteria {
            properties[criterion.name] = .object([
                "type": .string("object"),
                "properties": .object([
                    "points": .object([
                        "type": .string("integer"), "minimum": .number(0),
                        "maximum": .number(Double(criterion.maximum)),
                    ]),
                    "reason": .object(["type": .string("string"), "description": .string("One short sentence.")]),
                ]),
                "required": .array([.string("points"), .string("reason")]), "additionalProperties": .bool(false),
            ])
        }
        return .object([
            "type": .string("object"), "properties": .object(properties),
            "required": .array(criteria.map { .string($0.name) }), "additionalProperties": .bool(false),
        ])
    }
}
