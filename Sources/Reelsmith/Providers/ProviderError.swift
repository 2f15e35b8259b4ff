/// A provider call that failed for good (after its retries), phrased for the creator: which
/// provider, which stage, what happened and what to do.
public struct ProviderError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// 401 or 403: the key is wrong, missing or not allowed.
        case keyRefused(status: Int)
        case keyMissing
        case rateLimited
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

    public var reason: Reason
    public var provider: String
    /// The stage that asked (`script`, `score`, `doctor`…).
    public var stage: String
    public var problem: String
    public var fix: String
    /// The server's own message, shortened and cleaned; never holds a key.
    public var serverMessage: String?

    public init(
        _ reason: Reason, provider: String, stage: String, problem: String, fix: String, serverMessage: String? = nil
    ) {
        self.reason = reason
        self.provider = provider
        self.stage = stage
        self.problem = problem
        self.fix = fix
        self.serverMessage = serverMessage
    }

    public var description: String {
        let said = serverMessage.map { " (the server said: \($0))" } ?? ""
        return "provider `\(provider)`, stage \(stage): \(problem)\(said) — \(fix)"
    }

    /// Whether trying the same call again later may work.
    var isTransient: Bool {
        switch reason {
        case .rateLimited, .serverError, .timeout, .unreachable: true
        default: false
        }
    }
}
