import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// The body of `POST /chat/completions` in the OpenAI wire format
/// (https://platform.openai.com/docs/api-reference/chat/create), which OpenAI, Gemini's
/// compatible API, Ollama, llama.cpp's server, vLLM, LM Studio, LocalAI and OpenRouter all accept.
package struct ChatCompletionRequest: Sendable, Codable, Equatable {
    package struct Message: Sendable, Codable, Equatable {
        package var role: String
        package var content: String

        package static func system(_ content: String) -> Message { Message(role: "system", content: content) }
        package static func user(_ content: String) -> Message { Message(role: "user", content: content) }
        package static func assistant(_ content: String) -> Message { Message(role: "assistant", content: content) }
    }

    /// `{type: json_schema, json_schema: {name, schema, strict}}`; llama-cpp-python's own
    /// `{type: json_object, schema}` (its server refuses `json_schema`); or `{type: json_object}`
    /// for servers that do not take a schema.
    struct ResponseFormat: Sendable, Codable, Equatable {
        struct JSONSchema: Sendable, Codable, Equatable {
            package var name: String
            package var schema: JSONValue
            package var strict: Bool
        }

        package var type: String
        var jsonSchema: JSONSchema?
        /// llama-cpp-python's form: the schema beside `type: json_object`.
        var schema: JSONValue?

        package static func schema(name: String, _ schema: JSONValue) -> ResponseFormat {
            ResponseFormat(type: "json_schema", jsonSchema: JSONSchema(name: name, schema: schema, strict: true))
        }

        package static func jsonObject(schema: JSONValue) -> ResponseFormat {
            ResponseFormat(type: "json_object", jsonSchema: nil, schema: schema)
        }

        package static let jsonObject = ResponseFormat(type: "json_object", jsonSchema: nil)

        enum CodingKeys: String, CodingKey {
            case type, schema
            case jsonSchema = "json_schema"
        }
    }

    package var model: String
    package var messages: [Message]
    package var temperature: Double?
    var maxTokens: Int?
    var responseFormat: ResponseFormat?
    package var seed: Int?

    enum CodingKeys: String, CodingKey {
        case model, messages, temperature, seed
        case maxTokens = "max_tokens"
        case responseFormat = "response_format"
    }
}
