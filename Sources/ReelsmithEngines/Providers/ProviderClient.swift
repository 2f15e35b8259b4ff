import Foundation
import Logging
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// One configured provider: its connection, its key and its `max_in_flight` limit, shared by every
/// job of the process. Calls are retried with backoff on 429, 5xx, timeouts and lost connections,
/// and fail with a ``ProviderError`` that says what to do.
package final class ProviderClient: Sendable {
    package let settings: ProviderSettings
    package let retry: RetryPolicy
    private var transfers: HTTPTransfers { HTTPTransfers.api }
    /// Keyless file downloads (stock clips), the only transfers that follow redirects; paced by
    /// throughput, not a fixed deadline (``HTTPTransfers/Pace/download``).
    private var downloads: HTTPTransfers { HTTPTransfers.downloads }
    private let limit: InFlightLimit
    private let connection = ConnectionState()
    /// Which `response_format` each model takes (learned, per process).
    let responseFormats = ResponseFormatSupport()
    private let logger = Logger(label: "reelsmith.providers")

    /// One finished exchange: the answer, how many attempts it took and how long, backoff included.
    package struct Exchange: Sendable {
        package var reply: HTTPTransfers.Reply
        var attempts: Int
        package var seconds: Double
    }

    package init(settings: ProviderSettings, retry: RetryPolicy? = nil) {
        self.settings = settings
        self.retry = retry ?? RetryPolicy(maxRetries: settings.maxRetries)
        self.limit = InFlightLimit(limit: settings.maxInFlight)
    }

    package var name: String { settings.name }

    /// `POST path` with a JSON body, or `GET path` without one.
    package func send(
        _ method: String, _ path: String, json body: Data? = nil, query: [URLQueryItem] = [], stage: EngineStage?
    ) async throws -> Exchange {
        try await send(
            method, path, body: body, contentType: body == nil ? nil : "application/json", query: query, stage: stage)
    }

    /// `method path` with a body of any type (`multipart/form-data` for a transcription); `accept`
    /// is what the answer may be (audio for `/audio/speech`). The key goes where the provider's
    /// kind expects it: `Authorization: Bearer KEY` (OpenAI), `Authorization: KEY` (Pexels), or
    /// the `key` query parameter (Pixabay, whose API takes it nowhere else).
    package func send(
        _ method: String, _ path: String, body: Data?, contentType: String?, accept: String = "application/json",
        query: [URLQueryItem] = [], stage: EngineStage?
    ) async throws -> Exchange {
        let key: APIKey?
        do {
            key = try settings.key.key()
        } catch {
            throw ProviderError(.keyMissing, provider: name, stage: stage, problem: error.problem, fix: error.fix)
        }
        var address = URLComponents(url: url(path), resolvingAgainstBaseURL: false)!
        var items = query
        if let key, settings.kind == .pixabay { items.insert(URLQueryItem(name: "key", value: key.secret), at: 0) }
        if !items.isEmpty { address.queryItems = items }
        var request = HTTPTransfers.Request(url: address.url!, method: method)
        request.setValue(accept, forHTTPHeaderField: "Accept")
        request.setValue("reelsmith", forHTTPHeaderField: "User-Agent")
        if let body {
            request.body = body
            request.setValue(contentType ?? "application/octet-stream", forHTTPHeaderField: "Content-Type")
        }
        if let key {
            switch settings.kind {
            case .openai: request.setValue("Bearer \(key.secret)", forHTTPHeaderField: "Authorization")
            case .pexels: request.setValue(key.secret, forHTTPHeaderField: "Authorization")
            case .pixabay: break
            }
        }
        return try await exchange(
            request, method: method, stage: stage, key: key, transfers: transfers, limit: settings.maxResponseBytes)
    }

    /// Downloads a file the provider's answer linked to (a stock clip), without the key: no
    /// `Authorization` header and no key in the address. Unlike the API calls, redirects are
    /// followed here (Pexels' file links answer with a redirect to its CDN), only to https
    /// addresses (or from this machine to this machine), and the request carries nothing secret.
    package func download(_ file: URL, limitBytes: Int, stage: EngineStage?) async throws -> Exchange {
        var request = HTTPTransfers.Request(url: file)
        request.setValue("reelsmith", forHTTPHeaderField: "User-Agent")
        return try await exchange(
            request, method: "GET", stage: stage, key: nil, transfers: downloads, limit: limitBytes)
    }

    private func exchange(
        _ prepared: HTTPTransfers.Request, method: String, stage: EngineStage?, key: APIKey?, transfers: HTTPTransfers,
        limit: Int
    ) async throws -> Exchange {
        let clock = ContinuousClock()
        let start = clock.now
        var attempt = 0
        while true {
            try Task.checkCancellation()
            attempt += 1
            let failure: ProviderError
            var retryAfter: Double?
            do {
                let reply = try await self.limit.run {
                    try await self.attempt(prepared, transfers: transfers, limit: limit)
                }
                if (200..<300).contains(reply.status) {
                    return Exchange(reply: reply, attempts: attempt, seconds: (clock.now - start).seconds)
                }
                failure = error(status: reply.status, body: reply.body, stage: stage, key: key)
                // OpenAI's `retry-after-ms` is the finer hint; `Retry-After` the standard one.
                retryAfter =
                    RetryPolicy.retryAfterMillisecondsAsSeconds(reply.header("retry-after-ms"))
                    ?? RetryPolicy.retryAfterSeconds(reply.header("Retry-After"))
            } catch let transferFailure as HTTPTransfers.Failure {
                if transferFailure == .cancelled { throw CancellationError() }
                failure = error(transferFailure, stage: stage, limit: limit)
            }
            // A timed-out POST may have been billed: it is not sent again.
            let isRetried = failure.isTransient && !(failure.reason == .timeout && method == "POST")
            guard isRetried, attempt <= retry.maxRetries else { throw failure.afterAttempts(attempt) }
            let wait = retryAfter ?? retry.backoffSeconds(retry: attempt)
            guard wait <= retry.longestRetryAfterSeconds else {
                var failure = failure
                // The wait is the server's number: quoted, never converted (1e300 would trap `Int`).
                failure.fix =
                    "the provider asks to wait \(ModelNumber.quoted(wait.rounded())) s before trying again (Reelsmith waits "
                    + "\(Self.format(retry.longestRetryAfterSeconds)) s at most); try later, or lower `max_in_flight`"
                throw failure
            }
            logger.info(
                "retrying",
                metadata: [
                    "provider": "\(name)", "stage": "\(stage?.rawValue ?? "doctor")", "attempt": "\(attempt + 1)",
                    "after_seconds": "\(String(format: "%.2f", wait))", "reason": "\(failure.problem)",
                ])
            try await Task.sleep(for: .seconds(wait))
        }
    }

    /// The address of an endpoint under `base_url` (`chat/completions` → `…/v1/chat/completions`).
    package func url(_ path: String) -> URL { settings.baseURL.appendingPathComponent(path) }

    private func attempt(_ request: HTTPTransfers.Request, transfers: HTTPTransfers, limit: Int) async throws
        -> HTTPTransfers.Reply
    {
        if await !connection.isVerified, !ConnectProbe.proxyIsSet(), let host = settings.baseURL.host {
            let port = settings.baseURL.port ?? (settings.baseURL.scheme?.lowercased() == "https" ? 443 : 80)
            try await ConnectProbe.check(host: host, port: port, timeoutSeconds: settings.connectTimeoutSeconds)
        }
        do {
            let reply = try await transfers.send(request, limit: limit, timeoutSeconds: settings.timeoutSeconds)
            await connection.set(verified: true)
            return reply
        } catch HTTPTransfers.Failure.unreachable(let detail) {
            await connection.set(verified: false)
            throw HTTPTransfers.Failure.unreachable(detail)
        }
    }

    private var address: String {
        let url = settings.baseURL
        return url.host.map { host in url.port.map { "\(host):\($0)" } ?? host } ?? url.absoluteString
    }

    private func offlineFix(_ stage: EngineStage?) -> String { stage?.offlineFix ?? "" }

    private var isUnversionedAPI: Bool { settings.kind == .openai && !baseURLHasVersion }

    /// Whether `base_url` names an API version (`…/v1`, `…/v1beta/openai`, `…/api/v2`…).
    private var baseURLHasVersion: Bool {
        settings.baseURL.pathComponents.contains { $0.range(of: #"^v[0-9]"#, options: .regularExpression) != nil }
    }

    /// The failure a status means, with the server's message and error code read once from its body.
    private func error(status: Int, body: Data, stage: EngineStage?, key: APIKey?) -> ProviderError {
        let code = ErrorResponse.code(in: body)
        var failure = error(status: status, code: code, body: body, stage: stage, key: key)
        failure.serverCode = code
        return failure
    }

    private func error(status: Int, code: String?, body: Data, stage: EngineStage?, key: APIKey?) -> ProviderError {
        let said = ServerMessage.excerpt(of: body, hiding: key)
        switch status {
        case 403 where key != nil:
            // A key that works but is not allowed this (OpenAI: an organisation that must be
            // verified for gpt-image-1, a project without the model): the server says which.
            return ProviderError(
                .keyRefused(status: status), provider: name, stage: stage,
                problem: "the provider does not allow this request with \(settings.key) (403)",
                fix: "read the server's reason: the account or project may need access to the model"
                    + offlineFix(stage),
                serverMessage: said)
        case 401, 403:
            let problem =
                key == nil ? "the server asks for a key (\(status))" : "\(settings.key) was refused (\(status))"
            let fix = key == nil ? "add `api_key_env` (or `api_key_file`) to the provider" : "check it"
            return ProviderError(
                .keyRefused(status: status), provider: name, stage: stage, problem: problem,
                fix: fix + offlineFix(stage),
                serverMessage: said)
        case 429 where code == "insufficient_quota":
            // OpenAI's billing limit, not a pace: waiting does not help, so it is not retried.
            return ProviderError(
                .quotaExhausted, provider: name, stage: stage,
                problem: "the account has no quota left (429 insufficient_quota)",
                fix: "add credit or raise the limit in the provider's billing settings" + offlineFix(stage),
                serverMessage: said)
        case 429:
            return ProviderError(
                .rateLimited, provider: name, stage: stage, problem: "the provider is limiting requests (429)",
                fix: "wait, lower `max_in_flight`, or check your plan's quota" + offlineFix(stage), serverMessage: said)
        case 500...599 where ProviderError.namesConfiguration(said):
            // A server that runs but lacks a setting of its own (503 "No default voice is
            // configured"): its message is the fix, and waiting does not help (not retried).
            return ProviderError(
                .serverError(status: status), provider: name, stage: stage,
                problem: "the server is not set up for this request (\(status))",
                fix:
                    "do what the server's message says (in the server's own settings), or name it in the engine's settings"
                    + offlineFix(stage),
                serverMessage: said)
        case 500...599:
            return ProviderError(
                .serverError(status: status), provider: name, stage: stage, problem: "the server failed (\(status))",
                fix: "try again later" + offlineFix(stage), serverMessage: said)
        case 404 where isUnversionedAPI, 405 where isUnversionedAPI:
            // A base_url without /v1 reaches the server's web pages, not its API (a 405 from a
            // page that takes GET only, or a 404).
            let suggestion = settings.baseURL.appendingPathComponent("v1").absoluteString
            return ProviderError(
                .rejected(status: status), provider: name, stage: stage,
                problem:
                    "\(url("…").deletingLastPathComponent().absoluteString) is not the API (\(status)): `base_url` has no /v1",
                fix: "set `base_url` to \(suggestion) (OpenAI-compatible servers serve their API under /v1)"
                    + offlineFix(stage),
                serverMessage: said)
        case 404:
            return ProviderError(
                .rejected(status: status), provider: name, stage: stage,
                problem: "\(url("…").deletingLastPathComponent().absoluteString) has no such endpoint or model (404)",
                fix: "check `base_url` (it usually ends in /v1) and the model's name" + offlineFix(stage),
                serverMessage: said)
        default:
            return ProviderError(
                .rejected(status: status), provider: name, stage: stage, problem: "the request was refused (\(status))",
                fix: "check the model's name and the engine's settings" + offlineFix(stage), serverMessage: said)
        }
    }

    private func error(_ failure: HTTPTransfers.Failure, stage: EngineStage?, limit: Int) -> ProviderError {
        switch failure {
        case .timeout:
            return ProviderError(
                .timeout, provider: name, stage: stage,
                problem: "no complete answer within \(Self.format(settings.timeoutSeconds)) s",
                fix: "raise `timeout_seconds` for this provider or choose a faster model" + offlineFix(stage))
        case .connectTimeout:
            return ProviderError(
                .unreachable, provider: name, stage: stage,
                problem: "could not connect to \(address) within \(Self.format(settings.connectTimeoutSeconds)) s",
                fix: "check that the server runs and that `base_url` is right" + offlineFix(stage))
        case .unreachable(let detail):
            return ProviderError(
                .unreachable, provider: name, stage: stage, problem: "cannot reach \(address) (\(detail))",
                fix: "check that the server runs (for Ollama: `ollama serve`) and that `base_url` is right"
                    + offlineFix(stage))
        case .tooLarge:
            return ProviderError(
                .answerTooLarge, provider: name, stage: stage,
                problem: "the answer is larger than \(Self.format(Double(limit) / 1_048_576)) MB and was cut off",
                fix: "check that `base_url` points at the API; raise `max_response_mb` if such answers are expected")
        case .cancelled:
            return ProviderError(.cancelled, provider: name, stage: stage, problem: "stopped", fix: "run it again")
        }
    }

    package static func format(_ value: Double) -> String {
        ModelNumber.whole(value, in: -1_000_000_000...1_000_000_000).flatMap { value == Double($0) ? String($0) : nil }
            ?? String(format: "%.1f", value)
    }
}
