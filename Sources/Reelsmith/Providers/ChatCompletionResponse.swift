/// The answer of `POST /chat/completions` (OpenAI wire format); only the fields we read.
struct ChatCompletionResponse: Sendable, Codable, Equatable {
    struct Choice: Sendable, Codable, Equatable {
        struct Message: Sendable, Codable, Equatable {
            var role: String?
            var content: String?
            /// Set by OpenAI when the model declined to answer under a strict schema.
            var refusal: String?
        }

        var index: Int?
        var message: Message
        var finishReason: String?

        enum CodingKeys: String, CodingKey {
            case index, message
            case finishReason = "finish_reason"
        }
    }

    struct Usage: Sendable, Codable, Equatable {
        var promptTokens: Int?
        var completionTokens: Int?

        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens"
            case completionTokens = "completion_tokens"
        }
    }

    var model: String?
    var choices: [Choice]
    var usage: Usage?
}
