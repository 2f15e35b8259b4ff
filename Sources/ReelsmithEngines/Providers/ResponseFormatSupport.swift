import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// What each model of a provider accepts as `response_format`, learned from its refusals: a server
/// that refused `json_schema` once is asked with `json_object` from then on, and one that refused
/// both gets plain instructions.
actor ResponseFormatSupport {
    package enum Level: Int, Sendable, Comparable {
        case jsonSchema, jsonObject, instructionsOnly

        package var next: Level? { Level(rawValue: rawValue + 1) }

        static func < (left: Level, right: Level) -> Bool { left.rawValue < right.rawValue }
    }

    private var levels: [String: Level] = [:]

    package func level(model: String) -> Level { levels[model] ?? .jsonSchema }

    package func lower(model: String, to level: Level) {
        levels[model] = max(levels[model] ?? .jsonSchema, level)
    }
}
