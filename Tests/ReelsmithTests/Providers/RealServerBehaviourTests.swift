import Foundation
import Testing

@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

/// What real local servers answered (issue 19: llama-cpp-python 0.3.36, local-tts-studio 1.0.0,
/// faster-whisper-server 0.0.3), played by the stand-in server: the format fallback on a 500, a
/// 503 that names a missing setting, a base_url without /v1, no `GET /models`, and the cost of
/// waiting.
@Suite struct RealServerBehaviourTests {
    private static func schemaText(_ request: LocalProviderServer.Request) -> String {
        let format = request.json?["response_format"] as? [String: Any] ?? [:]
        let schema = (format["json_schema"] as? [String: Any])?["schema"] ?? format["schema"] ?? [:]
        return String(decoding: (try? JSONSerialization.data(withJSONObject: schema)) ?? Data(), as: UTF8.self)
    }

    @Test func llamaCppPythons500OnJSONSchemaLowersToItsOwnSchemaFormWithoutRetrying() async throws {
        let server = try LocalProviderServer(
            handler: LocalProviderServer.Response.llamaCppPython(answer: ProviderFixtures.scriptAnswer()))
        let client = ProviderFixtures.client(server, maxRetries: 3)
        let script = try await ProviderFixtures.writer(client).write(ProviderFixtures.brief(), variant: 1)
        #expect(script.scenes.count == 2)
        let chats = server.requests(path: "/chat/completions")
        #expect(chats.map(ProviderFixtures.responseFormat) == ["json_schema", "json_object"], "the 500 is not retried")
        let second = try #require(chats.last?.json?["response_format"] as? [String: Any])
        #expect(second["schema"] is [String: Any], "llama-cpp-python's {type: json_object, schema}")
        // Remembered for this provider and model: the next script goes straight to it.
        _ = try await ProviderFixtures.writer(client).write(ProviderFixtures.brief(), variant: 2)
        #expect(server.requests(path: "/chat/completions").count == 3)
        #expect(await client.responseFormats.level(model: "test-model") == .jsonObjectWithSchema)
    }

    @Test func theSchemaSentHasNoPatternAGrammarBuilderCannotTake() async throws {
        let server = try LocalProviderServer { _ in .chatCompletion(ProviderFixtures.scriptAnswer()) }
        _ = try await ProviderFixtures.writer(ProviderFixtures.client(server)).write(
            ProviderFixtures.brief(), variant: 1)
        let sent = Self.schemaText(try #require(server.requests.first))
        #expect(sent.contains("hashtags") && sent.contains("\"required\""), "the structure stays")
        #expect(!sent.contains("\"pattern\""), "\(sent)")
        // A field that is called `format` is a field, not the keyword.
        let kept = GrammarSchema.simplified(
            .object([
                "type": .string("object"),
                "properties": .object(["format": .object(["type": .string("string"), "pattern": .string("^a$")])]),
            ]))
        #expect(kept.text == #"{"properties":{"format":{"type":"string"}},"type":"object"}"#)
    }

    @Test func a503NamingAMissingSettingIsNotRetriedAndShowsTheServersMessage() async throws {
        let server = try LocalProviderServer { _ in .noDefaultVoice() }
        let error = try await #require(throws: ProviderError.self) {
            _ = try await ProviderFixtures.client(server, maxRetries: 3).send(
                "POST", "audio/speech", json: Data(#"{"model":"tts-1","input":"Hi"}"#.utf8), stage: .voice)
        }
        #expect(server.requests.count == 1, "asking again changes nothing")
        #expect(error.description.contains("No default voice is configured"), "\(error)")
        #expect(!error.description.contains("try again later"), "\(error)")
        #expect(error.description.contains("not set up for this request (503)"))
    }

    @Test func a405FromTheWebPageOfABaseURLWithoutV1SaysSo() async throws {
        let server = try LocalProviderServer { request in
            request.path.hasPrefix("/v1/") ? .chatCompletion("{}") : .webPageMethodNotAllowed()
        }
        var settings = ProviderFixtures.settings(server)
        settings.baseURL = URL(string: server.rootURL)!
        let error = try await #require(throws: ProviderError.self) {
            _ = try await ProviderClient(settings: settings, retry: RetryPolicy(maxRetries: 0)).send(
                "POST", "chat/completions", json: Data("{}".utf8), stage: .script)
        }
        #expect(error.reason == .rejected(status: 405))
        #expect(error.description.contains("`base_url` has no /v1"), "\(error)")
        #expect(error.description.contains("set `base_url` to \(server.rootURL)/v1"), "\(error)")
        #expect(!error.description.contains("model's name"), "\(error)")
    }

    @Test func doctorPassesATranscriptionServerWithoutAModelList() async throws {
        let server = try LocalProviderServer { request in
            request.path.hasSuffix("/audio/transcriptions")
                ? .transcription(words: [("Hello,", 0.1, 0.4), ("this", 0.5, 0.6), ("is", 0.6, 0.7)])
                : .notFound()
        }
        let settings = ProviderFixtures.settings(server, key: nil)
        let doctor = Doctor(
            workspace: try TestSupport.makeWorkspace(), providers: [settings],
            engines: EngineSettings(align: .provider(.init(provider: "local", model: "tiny.en"))))
        let check = await doctor.check(settings)
        #expect(check.isOK, "\(check.detail)")
        #expect(check.detail.contains("no GET /models (not needed)") && check.detail.contains("3 timed words"))
        let form = String(
            decoding: try #require(server.requests(path: "/audio/transcriptions").first).body, as: UTF8.self)
        #expect(form.contains("verbose_json") && form.contains("timestamp_granularities[]"))
    }

    @Test func doctorTriesAChatCompletionAndFailsAServerThatOnlyListsModels() async throws {
        let engines = EngineSettings(script: .provider(.init(provider: "local", model: "test-model")))
        let broken = try LocalProviderServer { request in
            request.path.hasSuffix("/models") ? .models(["test-model"]) : .error(500, "CUDA out of memory")
        }
        let settings = ProviderFixtures.settings(broken, key: nil)
        let failed = await Doctor(workspace: try TestSupport.makeWorkspace(), providers: [settings], engines: engines)
            .check(settings)
        #expect(!failed.isOK && failed.detail.contains("CUDA out of memory"), "\(failed.detail)")

        let llama = try LocalProviderServer(
            handler: LocalProviderServer.Response.llamaCppPython(answer: #"{"ok": true}"#))
        let working = ProviderFixtures.settings(llama, key: nil)
        let passed = await Doctor(
            workspace: try TestSupport.makeWorkspace(), providers: [working],
            engines: EngineSettings(script: .provider(.init(provider: "local", model: "gemma3-270m")))
        )
        .check(working)
        #expect(passed.isOK, "\(passed.detail)")
        #expect(passed.detail.contains("script: chat answered with json_object with schema"), "\(passed.detail)")
    }

    @Test func doctorAsksForSpeechAndNamesTheVoiceTheServerReports() async throws {
        let wav = WAVFile.data(samples: [Int16](repeating: 0, count: 8000), sampleRate: 16000)
        let server = try LocalProviderServer { request in
            request.path.hasSuffix("/audio/speech") ? .speech(wav, reportingVoice: "en_US-joe-medium") : .notFound()
        }
        let settings = ProviderFixtures.settings(server, key: nil)
        let engines = EngineSettings(voice: .provider(.init(provider: "local", model: "piper")))
        let check = await Doctor(workspace: try TestSupport.makeWorkspace(), providers: [settings], engines: engines)
            .check(settings)
        #expect(check.isOK, "\(check.detail)")
        #expect(check.detail.contains("voice: speech 15 KB, voice en_US-joe-medium"), "\(check.detail)")

        server.respond { request in request.path.hasSuffix("/audio/speech") ? .noDefaultVoice() : .notFound() }
        let unset = await Doctor(workspace: try TestSupport.makeWorkspace(), providers: [settings], engines: engines)
            .check(settings)
        #expect(!unset.isOK && unset.detail.contains("No default voice is configured"), "\(unset.detail)")
        #expect(server.requests(path: "/audio/speech").count == 2, "the 503 was not retried")
    }

    @Test func aTranscriptWithoutWordTimesGivesAHintThatFitsAnyServer() async throws {
        let server = try LocalProviderServer { _ in .json(["text": "Hello there."]) }
        let aligner = TranscriptionAligner(
            client: ProviderFixtures.client(server), engine: .init(provider: "local", model: "tiny.en")
        ) { _ in }
        let error = try await #require(throws: ProviderError.self) {
            _ = try await aligner.heardWords(in: Data([0, 1]), fileName: "a.wav", type: "audio/wav", language: .en)
        }
        #expect(error.description.contains("no word timestamps"))
        #expect(!error.description.contains("use a model that gives them (whisper-1, faster-whisper)"))
        #expect(error.description.contains("timestamp_granularities[]=word"))
    }

    /// Issue 19's busy wait: a `reelsmith process` waiting on a slow answer used 0.8 of a core.
    /// The bound is generous (10 %) for a loaded machine; `reelsmith bench wait` prints the figure.
    @Test func aProcessWaitingOnASlowServerUsesAlmostNoCPU() async throws {
        let result = try await WaitBenchmark(executable: TestSupport.executable, templates: TestSupport.templates)
            // An answer far beyond the window: on a loaded machine the window's sleep can last
            // minutes, and an answer inside it would end the process before it is measured.
            .run(windowSeconds: 10, answerAfterSeconds: 600)
        #expect(result.windowSeconds >= 9.9)
        #expect(result.coreFraction <= 0.10, "\(result.cpuSeconds) CPU-seconds in \(result.windowSeconds) s")
    }
}
