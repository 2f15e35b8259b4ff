import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// A provider call that failed for good (after its retries), phrased for the creator: which
/// provider, which stage, what happened and what to do.
package struct ProviderError: Error, Sendable, Equatable, CustomStringConvertible {
    package enum Reason: Sendable, Equatable {
        /// 401 or 403: the key is wrong, missing or not allowed.
        case keyRefused(status: Int)
        case keyMissing
        case rateLimited
        /// 429 `insufficient_quota`: a billing limit, not a pace (never retried).
        case quotaExhausted
        case serverError(status: Int)
        /// Another 4xx: the request was refused (unknown model, unsupported parameter…).
        case rejected(status: Int)
        case timeout
        case unreachable
        case answerTooLarge
        /// The answer arrived but is not what the API promises, or fails our checks.
        case invalidAnswer
        case cancelled
    }

    package var reason: Reason
    package var provider: String
    /// The stage that asked; nil for `reelsmith doctor`.
    package var stage: EngineStage?
    package var problem: String
    package var fix: String
    /// The server's own message, shortened and cleaned; never holds a key.
    package var serverMessage: String?
    /// Requests sent before giving up.
    package var attempts = 1
    /// The error code of an OpenAI-style body (`content_policy_violation`…), when it has one.
    package var serverCode: String?

    package init(
        _ reason: Reason, provider: String, stage: EngineStage?, problem: String, fix: String,
        serverMessage: String? = nil
    ) {
        self.reason = reason
        self.provider = provider
        self.stage = stage
        self.problem = problem
        self.fix = fix
        self.serverMessage = serverMessage
    }

    package var description: String {
        let said = serverMessage.map { " (the server said: \($0))" } ?? ""
        return "provider `\(provider)`, stage \(stage?.rawValue ?? "doctor"): \(problem)\(said) — \(fix)"
    }

    /// With the error code of the body, when it is an OpenAI-style error.
    func afterAttempts(_ attempts: Int) -> ProviderError {
        var error = self
        error.attempts = attempts
        if attempts > 1 { error.problem += " (\(attempts) attempts)" }
        return error
    }

    /// A 4xx or 5xx whose message is about `response_format` or the schema: the server takes
    /// JSON answers only in a simpler way (DESIGN §7). Not only 400/422: llama-cpp-python answers
    /// `json_schema` with a 500 ("Input should be 'text' or 'json_object'", issue 19).
    var refusesResponseFormat: Bool {
        switch reason {
        case .rejected, .serverError: break
        default: return false
        }
        let said = (serverMessage ?? "").lowercased()
        return ["response_format", "json_schema", "json schema", "schema", "json_object", "structured"].contains {
            said.contains($0)
        }
    }

    /// A 5xx whose message names something the server's own settings lack ("No default voice is
    /// configured"): asking again changes nothing, so it is not retried.
    var isConfigurationProblem: Bool {
        guard case .serverError = reason else { return false }
        return Self.namesConfiguration(serverMessage)
    }

    static func namesConfiguration(_ message: String?) -> Bool {
        let said = (message ?? "").lowercased()
        return ["configur", "no default", "not set", "not loaded", "no model", "not installed"].contains {
            said.contains($0)
        }
    }

    /// A 400 saying the prompt was refused by the provider's safety system (OpenAI's
    /// `content_policy_violation` and `moderation_blocked`, or a message that says so).
    var isContentRefusal: Bool {
        guard case .rejected(let status) = reason, [400, 422].contains(status) else { return false }
        if let code = serverCode?.lowercased(),
            ["content_policy_violation", "moderation_blocked", "content_filter"].contains(code)
        {
            return true
        }
        let said = (serverMessage ?? "").lowercased()
        return ["safety system", "content policy", "content_policy", "moderation", "not allowed by our safety"].contains
        { said.contains($0) }
    }

    /// Whether trying the same call again later may work.
    var isTransient: Bool {
        switch reason {
        case .serverError: !refusesResponseFormat && !isConfigurationProblem
        case .rateLimited, .timeout, .unreachable: true
        default: false
        }
    }
}
