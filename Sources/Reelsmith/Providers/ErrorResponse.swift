/// An OpenAI-style error body: `{"error": {"message": …, "type": …, "code": …}}`. Servers that
/// differ are read as far as they match; the message is only ever shown shortened and cleaned.
struct ErrorResponse: Sendable, Codable, Equatable {
    struct Detail: Sendable, Codable, Equatable {
        var message: String?
        var type: String?
    }

    var error: Detail?
}
