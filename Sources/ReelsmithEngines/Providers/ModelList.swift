import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// The answer of `GET /models` (OpenAI wire format): `{object: "list", data: [{id: …}]}`.
package struct ModelList: Sendable, Codable, Equatable {
    package struct Model: Sendable, Codable, Equatable {
        package var id: String
    }

    package var data: [Model]
}
