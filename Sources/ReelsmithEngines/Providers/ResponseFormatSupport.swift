import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// What each model of a provider accepts as `response_format`, learned from its refusals: a server
/// that refused `json_schema` once is asked with llama-cpp-python's `{type: json_object, schema}`
/// from then on, then with a bare `json_object`, and one that refused all of them gets plain
/// instructions. One per provider (``ProviderClient``), keyed by model.
actor ResponseFormatSupport {
    package enum Level: Int, Sendable, Comparable {
        case jsonSchema, jsonObjectWithSchema, jsonObject, instructionsOnly

        package var next: Level? { Level(rawValue: rawValue + 1) }

        /// How it goes on the wire, for `doctor` and the logs.
        package var wireName: String {
            switch self {
            case .jsonSchema: "json_schema"
            case .jsonObjectWithSchema: "json_object with schema"
            case .jsonObject: "json_object"
            case .instructionsOnly: "instructions only"
            }
        }

        static func < (left: Level, right: Level) -> Bool { left.rawValue < right.rawValue }
    }

    private var levels: [String: Level] = [:]

    package func level(model: String) -> Level { levels[model] ?? .jsonSchema }

    package func lower(model: String, to level: Level) {
        levels[model] = max(levels[model] ?? .jsonSchema, level)
    }
}
