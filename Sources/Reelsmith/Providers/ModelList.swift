/// The answer of `GET /models` (OpenAI wire format): `{object: "list", data: [{id: …}]}`.
struct ModelList: Sendable, Codable, Equatable {
    struct Model: Sendable, Codable, Equatable {
        var id: String
    }

    var data: [Model]
}
