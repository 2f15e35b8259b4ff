import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// An OpenAI-style error body: `{"error": {"message": …, "type": …, "code": …}}`. Servers that
/// differ are read as far as they match; the message is only ever shown shortened and cleaned.
struct ErrorResponse: Sendable, Codable, Equatable {
    struct Detail: Sendable, Codable, Equatable {
        package var message: String?
        package var type: String?
        /// `content_policy_violation`, `moderation_blocked`…; servers that send a number are read as none.
        package var code: String?

        package init(message: String? = nil, type: String? = nil, code: String? = nil) {
            self.message = message
            self.type = type
            self.code = code
        }

        package init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            message = try? container.decodeIfPresent(String.self, forKey: .message)
            type = try? container.decodeIfPresent(String.self, forKey: .type)
            code = try? container.decodeIfPresent(String.self, forKey: .code)
        }
    }

    package var error: Detail?

    /// `error.code` of a body in this shape (`content_policy_violation`, `insufficient_quota`…).
    package static func code(in body: Data) -> String? {
        (try? JSONDecoder().decode(ErrorResponse.self, from: body.prefix(64 * 1024)))?.error?.code
    }
}
