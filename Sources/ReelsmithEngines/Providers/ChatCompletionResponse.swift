import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// The answer of `POST /chat/completions` (OpenAI wire format); only the fields we read.
struct ChatCompletionResponse: Sendable, Codable, Equatable {
    struct Choice: Sendable, Codable, Equatable {
        struct Message: Sendable, Codable, Equatable {
            package var role: String?
            package var content: String?
            /// Set by OpenAI when the model declined to answer under a strict schema.
            package var refusal: String?
        }

        package var index: Int?
        package var message: Message
        var finishReason: String?

        enum CodingKeys: String, CodingKey {
            case index, message
            case finishReason = "finish_reason"
        }
    }

    struct Usage: Sendable, Codable, Equatable {
        package var promptTokens: Int?
        package var completionTokens: Int?

        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens"
            case completionTokens = "completion_tokens"
        }
    }

    package var model: String?
    package var choices: [Choice]
    package var usage: Usage?
}
