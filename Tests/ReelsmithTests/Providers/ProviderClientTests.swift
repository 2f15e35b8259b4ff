import Foundation
import Synchronization
import Testing

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

/// The HTTP client against a real server on 127.0.0.1: retries, limits, timeouts, messages.
@Suite struct ProviderClientTests {
    private final class Counter: Sendable {
        private struct Counts {
            var value = 0
            var running = 0
            var mostAtOnce = 0
        }
        private let counts = Mutex(Counts())
        var mostAtOnce: Int { counts.withLock { $0.mostAtOnce } }
        func next() -> Int {
            counts.withLock {
                $0.value += 1
                return $0.value
            }
        }
        func enter() {
            counts.withLock {
                $0.running += 1
                $0.mostAtOnce = max($0.mostAtOnce, $0.running)
            }
        }
        func leave() { counts.withLock { $0.running -= 1 } }
        /// Holds a request until two were in flight together (or `timeout` passed): a third would
        /// then show, whatever the machine's load.
        func waitUntilTwoRan(timeout: Double) {
            let deadline = Date().addingTimeInterval(timeout)
            while mostAtOnce < 2, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    @Test func a429WithRetryAfterIsWaitedForThenRetried() async throws {
        let counter = Counter()
        let server = try LocalProviderServer { _ in
            counter.next() == 1
                ? .error(429, "Rate limit reached", headers: ["Retry-After": "1"]) : .models(["test-model"])
        }
        let client = ProviderFixtures.client(server)
        let start = Date()
        let exchange = try await client.send("GET", "models", stage: nil)
        #expect(exchange.reply.status == 200 && exchange.attempts == 2)
        #expect(Date().timeIntervalSince(start) >= 0.95, "Retry-After: 1 is honoured")
        #expect(server.requests.count == 2)
    }

    @Test func openAIsRetryAfterMsIsReadBeforeRetryAfter() async throws {
        let counter = Counter()
        // Retry-After alone (120 s) is past the longest wait and would fail the call at once.
        let server = try LocalProviderServer { _ in
            counter.next() == 1
                ? .error(429, "Rate limit reached", headers: ["retry-after-ms": "300", "Retry-After": "120"])
                : .models(["m"])
        }
        let start = Date()
        let exchange = try await ProviderFixtures.client(server).send("GET", "models", stage: .images)
        #expect(exchange.attempts == 2 && server.requests.count == 2)
        #expect(Date().timeIntervalSince(start) >= 0.28, "retry-after-ms: 300 is honoured")
    }

    /// A server's wait hint is its text: `inf`, `nan` and `-5` are no wait (the backoff is used and
    /// the call retried, not failed as a wait too long), and nothing in them may reach `Int(_:)`.
    @Test(arguments: [
        ("retry-after-ms", "inf"), ("retry-after-ms", "nan"), ("retry-after-ms", "-5"), ("Retry-After", "inf"),
        ("Retry-After", "nan"), ("Retry-After", "-5"), ("retry-after-ms", "-inf"),
    ])
    func aNonsenseRetryAfterIsIgnoredAndTheCallRetriedAfterTheBackoff(header: String, value: String) async throws {
        let counter = Counter()
        let server = try LocalProviderServer { _ in
            counter.next() == 1 ? .error(429, "Rate limit reached", headers: [header: value]) : .models(["m"])
        }
        let exchange = try await ProviderFixtures.client(server).send("GET", "models", stage: .script)
        #expect(exchange.reply.status == 200 && exchange.attempts == 2 && server.requests.count == 2)
    }

    /// A wait past the longest Reelsmith waits fails the call at once, the server's number quoted
    /// (before: `Int(wait.rounded())` trapped on 1e297 and the daemon died with exit 132).
    @Test(arguments: [
        ("retry-after-ms", "1e300", "1e+297 s"), ("Retry-After", "1e300", "1e+300 s"),
        ("retry-after-ms", "120000", "120 s"), ("Retry-After", "9.3e18", "9.3e+18 s"),
    ])
    func anEnormousRetryAfterFailsAtOnceQuotingTheWait(header: String, value: String, quoted: String) async throws {
        let server = try LocalProviderServer { _ in .error(429, "Rate limit reached", headers: [header: value]) }
        let error = try await #require(throws: ProviderError.self) {
            _ = try await ProviderFixtures.client(server).send("GET", "models", stage: .script)
        }
        #expect(error.reason == .rateLimited && server.requests.count == 1)
        #expect(error.description.contains("the provider asks to wait \(quoted) before trying again"))
        #expect(error.description.contains("waits 60 s at most"))
    }

    @Test func anExhaustedQuotaIsNotRetriedAndSaysSo() async throws {
        let server = try LocalProviderServer { _ in
            .json(
                [
                    "error": [
                        "message": "You exceeded your current quota, please check your plan and billing details.",
                        "type": "insufficient_quota", "code": "insufficient_quota",
                    ]
                ], status: 429)
        }
        let error = try await #require(throws: ProviderError.self) {
            _ = try await ProviderFixtures.client(server).send(
                "POST", "images/generations", json: Data("{}".utf8), stage: .images)
        }
        #expect(error.reason == .quotaExhausted && server.requests.count == 1)
        #expect(error.description.contains("no quota left") && error.description.contains("billing"))
    }

    @Test func a403ForAWorkingKeyGivesTheServersReasonNotCheckTheKey() async throws {
        let server = try LocalProviderServer { _ in
            .error(403, "Your organization must be verified to use the model `gpt-image-1`.")
        }
        let error = try await #require(throws: ProviderError.self) {
            _ = try await ProviderFixtures.client(server).send(
                "POST", "images/generations", json: Data("{}".utf8), stage: .images)
        }
        #expect(error.reason == .keyRefused(status: 403) && server.requests.count == 1)
        #expect(
            error.description.contains("does not allow this request") && error.description.contains("must be verified"))
        #expect(!error.description.contains("check it"))
    }

    @Test func a500ThenSuccessIsRetriedWithBackoff() async throws {
        let counter = Counter()
        let server = try LocalProviderServer { _ in counter.next() <= 2 ? .error(500, "oops") : .models(["m"]) }
        let exchange = try await ProviderFixtures.client(server).send("GET", "models", stage: nil)
        #expect(exchange.attempts == 3 && server.requests.count == 3)
    }

    @Test func persistent5xxFailsAfterItsRetriesWithAClearMessage() async throws {
        let server = try LocalProviderServer { _ in .error(503, "overloaded") }
        let error = try await #require(throws: ProviderError.self) {
            _ = try await ProviderFixtures.client(server, maxRetries: 2).send("GET", "models", stage: .script)
        }
        #expect(error.reason == .serverError(status: 503))
        #expect(server.requests.count == 3)
        #expect(error.description.contains("provider `local`, stage script: the server failed (503) (3 attempts)"))
        #expect(error.description.contains("overloaded") && error.description.contains("set engines.script to offline"))
    }

    @Test func a401NamesTheKeysVariableNeverTheKey() async throws {
        let server = try LocalProviderServer { _ in
            .error(401, "Incorrect API key provided: \(ProviderFixtures.secret)")
        }
        let error = try await #require(throws: ProviderError.self) {
            _ = try await ProviderFixtures.client(server).send(
                "POST", "chat/completions", json: Data("{}".utf8), stage: .script)
        }
        #expect(error.reason == .keyRefused(status: 401))
        #expect(server.requests.count == 1, "a refused key is not retried")
        #expect(error.description.contains("the key in TEST_PROVIDER_KEY was refused (401)"))
        #expect(error.description.contains("check it, or set engines.script to offline"))
        #expect(!error.description.contains(ProviderFixtures.secret) && !error.description.contains("DO-NOT-LEAK"))
        #expect(server.requests[0].headers["authorization"] == "Bearer \(ProviderFixtures.secret)")
    }

    @Test func aMissingKeyVariableIsReportedBeforeAnyRequest() async throws {
        let server = try LocalProviderServer { _ in .models([]) }
        var settings = ProviderFixtures.settings(server)
        settings.key = .environment("UNSET_VARIABLE_FOR_TEST", value: nil)
        let error = try await #require(throws: ProviderError.self) {
            _ = try await ProviderClient(settings: settings).send("GET", "models", stage: .score)
        }
        #expect(error.reason == .keyMissing && server.requests.isEmpty)
        #expect(error.description.contains("UNSET_VARIABLE_FOR_TEST is not set"))
    }

    @Test func aSlowAnswerTimesOutAndIsRetriedThenFails() async throws {
        let server = try LocalProviderServer { _ in .models(["m"]).delayed(10) }
        // The server would answer (200) after 10 s: only our deadline turns this into a timeout.
        let error = try await #require(throws: ProviderError.self) {
            _ = try await ProviderFixtures.client(server, maxRetries: 1, timeoutSeconds: 0.5).send(
                "GET", "models", stage: .script)
        }
        #expect(error.reason == .timeout)
        #expect(error.description.contains("no complete answer within 0.5 s (2 attempts)"))
    }

    @Test func a50MegabyteAnswerIsCutOffAtTheLimit() async throws {
        let big = Data(repeating: UInt8(ascii: "a"), count: 50 << 20)
        let server = try LocalProviderServer { _ in
            .init(status: 200, headers: ["Content-Type": "application/json"], body: big)
        }
        let error = try await #require(throws: ProviderError.self) {
            // A generous time limit: on a loaded machine a 50 MB answer may start late, and a
            // timed-out GET is asked again, which is not what this test measures.
            _ = try await ProviderFixtures.client(server, timeoutSeconds: 60, maxResponseBytes: 1 << 20).send(
                "GET", "models", stage: .script)
        }
        #expect(error.reason == .answerTooLarge)
        #expect(server.requests.count == 1, "a too-large answer is not asked again: \(error)")
        #expect(error.description.contains("larger than 1 MB"))
    }

    @Test func aRedirectIsNotFollowedSoTheKeyStaysHome() async throws {
        let elsewhere = try LocalProviderServer { _ in .models(["m"]) }
        let server = try LocalProviderServer { _ in
            .init(status: 302, headers: ["Location": "\(elsewhere.baseURL)/models"])
        }
        let error = try await #require(throws: ProviderError.self) {
            _ = try await ProviderFixtures.client(server).send("GET", "models", stage: .script)
        }
        #expect(error.reason == .rejected(status: 302))
        #expect(elsewhere.requests.isEmpty)
    }

    @Test func aClosedPortIsUnreachableWithAFix() async throws {
        let server = try LocalProviderServer { _ in .models([]) }
        let settings = ProviderFixtures.settings(server)
        server.stop()
        let error = try await #require(throws: ProviderError.self) {
            _ = try await ProviderClient(settings: settings, retry: RetryPolicy(maxRetries: 1, baseDelaySeconds: 0.01))
                .send("GET", "models", stage: .script)
        }
        #expect(error.reason == .unreachable)
        #expect(error.description.contains("cannot reach 127.0.0.1:\(server.port)"))
        #expect(error.description.contains("check that the server runs"))
    }

    @Test func maxInFlightCapsConcurrentRequests() async throws {
        let counter = Counter()
        let server = try LocalProviderServer { _ in
            counter.enter()
            counter.waitUntilTwoRan(timeout: 5)
            counter.leave()
            return .models(["m"])
        }
        let client = ProviderFixtures.client(server, maxInFlight: 2)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<6 { group.addTask { _ = try await client.send("GET", "models", stage: .script) } }
            try await group.waitForAll()
        }
        #expect(server.requests.count == 6)
        #expect(counter.mostAtOnce == 2)
    }

    @Test func retryAfterReadsSecondsAndHTTPDates() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(RetryPolicy.retryAfterSeconds("7") == 7)
        #expect(RetryPolicy.retryAfterSeconds("Tue, 14 Nov 2023 22:13:30 GMT", now: now) == 10)
        #expect(RetryPolicy.retryAfterSeconds("soon") == nil)
        #expect(RetryPolicy.retryAfterMillisecondsAsSeconds("300") == 0.3)
        for nonsense in ["inf", "nan", "-5", "-0.1", "soon", ""] {
            #expect(RetryPolicy.retryAfterMillisecondsAsSeconds(nonsense) == nil, "\(nonsense)")
        }
        let policy = RetryPolicy(maxRetries: 3, baseDelaySeconds: 1, maximumDelaySeconds: 5)
        #expect(policy.backoffSeconds(retry: 1, random: 0) == 0.5 && policy.backoffSeconds(retry: 1, random: 1) == 1)
        #expect(policy.backoffSeconds(retry: 3, random: 1) == 4 && policy.backoffSeconds(retry: 9, random: 1) == 5)
    }

    @Test func theMessageIsReadFromEveryErrorShapeLocalServersUse() {
        func said(_ body: String) -> String? { ServerMessage.excerpt(of: Data(body.utf8), hiding: nil) }
        #expect(said(#"{"error":{"message":"Incorrect model","type":"invalid_request_error"}}"#) == "Incorrect model")
        #expect(said(#"{"error":"model 'llama9' not found"}"#) == "model 'llama9' not found")
        #expect(
            said(
                #"{"detail":{"error":"validation_error","message":"Voice 'ballad' not found. Available voices: af_alloy, ff_siwis","type":"invalid_request_error"}}"#
            )
                == "Voice 'ballad' not found. Available voices: af_alloy, ff_siwis")
        #expect(said(#"{"detail":"Not Found"}"#) == "Not Found")
        #expect(
            said(#"{"detail":[{"loc":["body","input"],"msg":"field required","type":"value_error.missing"}]}"#)
                == "field required")
        // An unknown shape: its start, as text.
        #expect(said(#"{"status":"fail","reason":"busy"}"#) == #"{"status":"fail","reason":"busy"}"#)
        #expect(said("<html>Bad gateway</html>") == "<html>Bad gateway</html>")
    }

    @Test func serverMessagesAreShortenedAndNeverCarryKeys() {
        let message = ServerMessage.clean(
            "Incorrect API key provided: sk-proj-abcdef123456. You can find your key at\nhttps://platform.openai.com/"
                + String(repeating: "x", count: 500),
            hiding: nil)
        #expect(message?.contains("sk-proj-abcdef123456") == false)
        #expect(message?.contains("\n") == false)
        #expect((message?.count ?? 0) <= ServerMessage.maximumLength)
    }
}

extension LocalProviderServer.Response {
    func delayed(_ seconds: Double) -> Self {
        var response = self
        response.delaySeconds = seconds
        return response
    }
}
