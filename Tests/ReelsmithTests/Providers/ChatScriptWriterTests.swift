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

/// Scripts and scores from a model over the OpenAI wire format: the request's shape, the checks,
/// the one retry with the problem quoted, and the response_format fallbacks.
@Suite struct ChatScriptWriterTests {
    private final class Counter: Sendable {
        private let value = Mutex(0)
        func next() -> Int {
            value.withLock {
                $0 += 1
                return $0
            }
        }
    }

    @Test func aScriptRequestCarriesModelMessagesSchemaAndKey() async throws {
        let server = try LocalProviderServer { _ in .chatCompletion(ProviderFixtures.scriptAnswer(scenes: 2)) }
        let usage = ProviderFixtures.UsageLog()
        let script = try await ProviderFixtures.writer(ProviderFixtures.client(server), usage: usage)
            .write(ProviderFixtures.brief(), variant: 1)

        let request = try #require(server.requests.first)
        #expect(request.method == "POST" && request.path == "/v1/chat/completions")
        #expect(request.headers["authorization"] == "Bearer \(ProviderFixtures.secret)")
        let body = try #require(request.json)
        #expect(body["model"] as? String == "test-model")
        let format = try #require(body["response_format"] as? [String: Any])
        #expect(format["type"] as? String == "json_schema")
        let schema = try #require((format["json_schema"] as? [String: Any])?["schema"] as? [String: Any])
        #expect((schema["required"] as? [String])?.sorted() == ScriptSchema.scriptKeys.sorted())
        let messages = ProviderFixtures.messagesText(request)
        #expect(messages.contains("English") && messages.contains("exactly 2 scenes"))
        #expect(messages.contains("Wake up strong") && messages.contains("Videos around 30 seconds do best."))

        #expect(script.title == "Model: The ten-minute morning workout")
        #expect(script.scenes.count == 2 && script.scenes.map(\.index) == [1, 2])
        #expect(script.scenes[0].narration.hasPrefix("What if ten minutes could change your whole day?"))
        #expect(script.scenes[1].narration.hasSuffix("Follow for tomorrow's routine."))
        #expect(script.scenes[0].imagePrompt.contains("squats"))
        #expect(script.description.hasSuffix("#fitness #workout #morningroutine"))
        #expect(
            usage.all == [
                ProviderUsage(
                    stage: .script, provider: "local", model: "test-model", promptTokens: 100, completionTokens: 50,
                    seconds: usage.all.first?.seconds ?? 0)
            ])
    }

    @Test func anAnswerThatBreaksTheSchemaIsSentBackOnceWithTheProblem() async throws {
        let counter = Counter()
        let server = try LocalProviderServer { _ in
            .chatCompletion(ProviderFixtures.scriptAnswer(scenes: counter.next() == 1 ? 4 : 2))
        }
        let script = try await ProviderFixtures.writer(ProviderFixtures.client(server)).write(
            ProviderFixtures.brief(), variant: 1)
        #expect(script.scenes.count == 2)
        #expect(server.requests.count == 2)
        try #require(server.requests.count >= 2)
        let retry = ProviderFixtures.messagesText(server.requests[1])
        #expect(retry.contains("That answer cannot be used: it has 4 scenes; exactly 2 are needed"))
    }

    @Test func anAnswerInTheWrongLanguageFailsAfterOneRetry() async throws {
        let server = try LocalProviderServer { _ in .chatCompletion(ProviderFixtures.scriptAnswer(language: .en)) }
        let error = try await #require(throws: ProviderError.self) {
            _ = try await ProviderFixtures.writer(ProviderFixtures.client(server)).write(
                ProviderFixtures.brief(language: .fr), variant: 1)
        }
        #expect(server.requests.count == 2)
        try #require(server.requests.count >= 2)
        #expect(ProviderFixtures.messagesText(server.requests[1]).contains("it is written in English"))
        #expect(error.reason == .invalidAnswer)
        #expect(
            error.description.contains(
                "unusable answer twice (it is written in English; every text except `image_prompt` must be in French)"))
        #expect(error.description.contains("set engines.script to offline"))
    }

    @Test func aFrenchAnswerPassesTheLanguageCheck() async throws {
        let server = try LocalProviderServer { _ in .chatCompletion(ProviderFixtures.scriptAnswer(language: .fr)) }
        let script = try await ProviderFixtures.writer(ProviderFixtures.client(server)).write(
            ProviderFixtures.brief(language: .fr), variant: 1)
        #expect(script.language == .fr && server.requests.count == 1)
        #expect(ProviderFixtures.messagesText(server.requests[0]).contains("Write every text in French only"))
    }

    @Test func malformedJSONIsAskedOnceMoreThenFails() async throws {
        let server = try LocalProviderServer { _ in
            .init(status: 200, headers: ["Content-Type": "application/json"], body: Data("{\"choices\": [".utf8))
        }
        let error = try await #require(throws: ProviderError.self) {
            _ = try await ProviderFixtures.writer(ProviderFixtures.client(server)).write(
                ProviderFixtures.brief(), variant: 1)
        }
        #expect(server.requests.count == 2)
        #expect(error.reason == .invalidAnswer && error.description.contains("not a chat completion"))
    }

    @Test func aServerRefusingJSONSchemaIsAskedWithJSONObjectAndItsFencedAnswerIsRead() async throws {
        let server = try LocalProviderServer { request in
            ProviderFixtures.responseFormat(request) == "json_schema"
                ? .error(400, "response_format.type json_schema is not supported")
                : .chatCompletion("Here is your script:\n```json\n\(ProviderFixtures.scriptAnswer())\n```\nEnjoy!")
        }
        let client = ProviderFixtures.client(server)
        let script = try await ProviderFixtures.writer(client).write(ProviderFixtures.brief(), variant: 1)
        #expect(script.scenes.count == 2)
        #expect(server.requests.map(ProviderFixtures.responseFormat) == ["json_schema", "json_object"])
        try #require(server.requests.count >= 2)
        #expect(ProviderFixtures.messagesText(server.requests[1]).contains("follows this JSON Schema"))
        // Learned: the next call goes straight to json_object.
        _ = try await ProviderFixtures.writer(client).write(ProviderFixtures.brief(), variant: 2)
        #expect(server.requests.map(ProviderFixtures.responseFormat) == ["json_schema", "json_object", "json_object"])
    }

    @Test func extractorFindsTheObjectBehindProse() throws {
        let json = try JSONAnswer.extract(from: "Sure! {\"a\": \"} {\", \"b\": [1, 2]} Hope it helps {")
        #expect(String(decoding: json, as: UTF8.self) == "{\"a\": \"} {\", \"b\": [1, 2]}")
        #expect(throws: AnswerProblem.self) { try JSONAnswer.extract(from: "no json here") }
    }

    // Points outside a cap are refused since issue 19 (ModelAnswerTests), no longer clamped.
    @Test func modelScoresAreRoundedAndTotalledByOurCode() async throws {
        let server = try LocalProviderServer { _ in
            .chatCompletion(
                ProviderFixtures.scoreAnswer([
                    "hook": 25, "structure": 20, "timing": 0, "emotional_triggers": 12.6, "seo_hashtags": 9,
                ]))
        }
        let usage = ProviderFixtures.UsageLog()
        let scorer = ChatScorer(
            model: ProviderFixtures.model(ProviderFixtures.client(server), stage: .score, usage: usage))
        let script = try await ProviderFixtures.writer(
            ProviderFixtures.client(try LocalProviderServer { _ in .chatCompletion(ProviderFixtures.scriptAnswer()) })
        )
        .write(ProviderFixtures.brief(), variant: 1)
        let score = try await scorer.score(script, brief: ProviderFixtures.brief())
        #expect(score.criteria.map(\.points) == [25, 20, 0, 13, 9])
        #expect(score.criteria.map(\.maximum) == [25, 25, 20, 20, 10])
        #expect(score.total == 67)
        #expect(ProviderFixtures.responseFormat(server.requests[0]) == "json_schema")
        #expect(usage.all.map(\.stage) == [.score])
    }
}

extension ChatScriptWriterTests {
    private final class InFlight: Sendable {
        private struct Counts {
            var running = 0
            var mostAtOnce = 0
        }
        private let counts = Mutex(Counts())
        var mostAtOnce: Int { counts.withLock { $0.mostAtOnce } }
        func enter() {
            counts.withLock {
                $0.running += 1
                $0.mostAtOnce = max($0.mostAtOnce, $0.running)
            }
        }
        func leave() { counts.withLock { $0.running -= 1 } }
        /// Holds a request until `count` are in flight together (or `timeout` passed), so the
        /// measure does not depend on how fast a loaded machine starts the tasks.
        func waitForAll(_ count: Int, timeout: Double) {
            let deadline = Date().addingTimeInterval(timeout)
            while mostAtOnce < count, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        }
    }

    @Test func variantsAreAskedForAtOnce() async throws {
        let inFlight = InFlight()
        let server = try LocalProviderServer { _ in
            inFlight.enter()
            inFlight.waitForAll(4, timeout: 10)
            inFlight.leave()
            return .chatCompletion(ProviderFixtures.scriptAnswer())
        }
        let writer = try ProviderFixtures.writer(ProviderFixtures.client(server, timeoutSeconds: 30))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for variant in 1...4 {
                group.addTask { _ = try await writer.write(ProviderFixtures.brief(variants: 4), variant: variant) }
            }
            try await group.waitForAll()
        }
        #expect(server.requests.count == 4)
        #expect(inFlight.mostAtOnce == 4, "four variants are one round trip, not four")
    }
}
