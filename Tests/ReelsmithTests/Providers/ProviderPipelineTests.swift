import Foundation
import GRDB
import Testing

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

/// Requests made end to end with a model writing and scoring, through the real executable and
/// daemon: what the server received, what was published, resuming without paying twice, the
/// fallback, and the key in no output. Serialized: they render video.
@Suite(.serialized) struct ProviderPipelineTests {
    static let keyVariable = "REELSMITH_TEST_PROVIDER_KEY"

    private func settingsFile(_ server: LocalProviderServer, onFailure: String, in root: URL) throws {
        let text = """
            providers:
              local:
                base_url: \(server.baseURL)
                api_key_env: \(Self.keyVariable)
                max_retries: 0
            engines:
              script: { provider: local, model: test-model }
              score: { provider: local, model: test-model }
              on_failure: \(onFailure)
            """
        try Data(text.utf8).write(to: root.appendingPathComponent("reelsmith.yaml"))
    }

    private func reelsmith(_ arguments: [String], root: URL) throws -> (stdout: String, stderr: String, status: Int32) {
        try TestSupport.run(
            TestSupport.executable.path, arguments + ["--root", root.path, "--templates", TestSupport.templates.path],
            environment: [Self.keyVariable: ProviderFixtures.secret, "REELSMITH_LOG": "debug"])
    }

    /// Every file under `folder` (the SQLite files included) and every output, searched for the key.
    private func expectNoKey(under folder: URL, outputs: [String]) throws {
        for output in outputs { #expect(!output.contains(ProviderFixtures.secret)) }
        let files =
            FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        var searched = 0
        for file in files where (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let data = try Data(contentsOf: file)
            #expect(data.range(of: Data(ProviderFixtures.secret.utf8)) == nil, "the key is in \(file.path)")
            searched += 1
        }
        #expect(searched > 5)
    }

    @Test func aModelWritesAndScoresTheVideoAndAResumedJobNeverAsksForTheScriptAgain() async throws {
        let workspace = try TestSupport.makeWorkspace()
        let root = workspace.inbox.deletingLastPathComponent()
        // First run: scripts arrive, scoring fails (on_failure: fail).
        let server = try LocalProviderServer { request in
            if request.path.hasSuffix("/models") { return .models(["test-model", "other-model"]) }
            if ProviderFixtures.isScoring(request) { return .error(500, "scoring backend down") }
            let variant = ProviderFixtures.messagesText(request).contains("variant 2 of 2") ? 2 : 1
            return .chatCompletion(
                ProviderFixtures.scriptAnswer(marker: "Variant\(variant)"), promptTokens: 700, completionTokens: 300)
        }
        try settingsFile(server, onFailure: "fail", in: root)
        let request = try TestSupport.write(
            "niche: fitness\nlanguage: en\nduration: 15\nimages: 2\nvariants: 2\n",
            to: workspace.inbox.appendingPathComponent("requests"),
            name: "model.yaml")

        let failed = try reelsmith(["process", request.path], root: root)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("provider `local`, stage score: the server failed (500)"))
        #expect(failed.stderr.contains("scoring backend down"))
        let scriptRequests = server.requests(path: "/chat/completions").filter { !ProviderFixtures.isScoring($0) }
        #expect(scriptRequests.count == 2, "one request per variant")
        for sent in scriptRequests {
            let body = try #require(sent.json)
            #expect(body["model"] as? String == "test-model")
            #expect((body["messages"] as? [[String: Any]])?.count == 2)
            #expect(ProviderFixtures.responseFormat(sent) == "json_schema")
            #expect(sent.headers["authorization"] == "Bearer \(ProviderFixtures.secret)")
        }

        // The first failed score ends the job (`fail`); the other variant's may not have been sent.
        let failedScores = server.requests(path: "/chat/completions").filter(ProviderFixtures.isScoring).count
        #expect((1...2).contains(failedScores))

        // Second run: the scorer works and prefers variant 2; the scripts come from the checkpoint.
        server.respond { request in
            if ProviderFixtures.isScoring(request) {
                let high = ProviderFixtures.messagesText(request).contains("Variant2")
                return .chatCompletion(
                    ProviderFixtures.scoreAnswer(high ? ["hook": 24, "structure": 22] : ["hook": 5, "structure": 5]))
            }
            return .error(500, "the script must not be asked again")
        }
        let resumed = try reelsmith(["process", request.path], root: root)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let chats = server.requests(path: "/chat/completions")
        #expect(chats.filter { !ProviderFixtures.isScoring($0) }.count == 2, "no script was asked for twice")
        #expect(chats.filter(ProviderFixtures.isScoring).count == failedScores + 2, "then both variants scored")

        let folder = try #require(
            TestSupport.contents(of: workspace.videos).first.map(workspace.videos.appendingPathComponent))
        let script = try JSONFiles.read(Script.self, from: folder.appendingPathComponent("script.json"))
        #expect(script.title == "Variant2: The ten-minute morning workout")
        #expect(script.scenes.allSatisfy { $0.imagePrompt.contains("squats") }, "the model's image prompts are kept")
        let choice = try JSONFiles.read(ScriptChoice.self, from: folder.appendingPathComponent("virality.json"))
        #expect(choice.chosenVariant == 2 && choice.score.total == 24 + 22 + 30)
        #expect(choice.offlineScore != nil && choice.variants.allSatisfy { $0.offlineTotal != nil })
        let recorded = try LearningIndex(url: workspace.indexFile).database.read { db in
            try Row.fetchOne(db, sql: "SELECT virality_score, score_engine, offline_virality_score FROM videos")
        }
        #expect(recorded?["virality_score"] == 76 && recorded?["score_engine"] == "local/test-model")
        #expect(
            recorded?["offline_virality_score"] == choice.offlineScore?.total, "both scores kept for the learning loop")
        let report = try JSONFiles.read(GenerationReport.self, from: folder.appendingPathComponent("report.json"))
        #expect(report.engines?["script"] == "local/test-model" && report.engines?["score"] == "local/test-model")
        let spend = try #require(report.spend)
        #expect(
            spend.first { $0.stage == .script }.map { ($0.requests, $0.promptTokens, $0.completionTokens) } ?? (0, 0, 0)
                == (2, 1400, 600))
        // A failed score whose job was already stopped by the first failure is not counted.
        #expect(
            (3...(failedScores + 2)).contains(spend.first { $0.stage == .score }?.requests ?? 0),
            "failed ones count too")
        let probe = try Probe.of(folder.appendingPathComponent("video.mp4"))
        #expect(probe.video?.width == 1080 && probe.video?.height == 1920)

        let status = try reelsmith(["status"], root: root)
        #expect(status.stdout.contains("requests, 1600 prompt + 700 completion tokens"))
        #expect(status.stdout.contains("local/test-model: \((spend.map(\.requests).reduce(0, +))) requests"))
        #expect(status.stdout.contains("done 1"), "a job run by `process` is counted: \(status.stdout)")
        server.respond { request in
            request.path.hasSuffix("/models") ? .models(["test-model"]) : .chatCompletion(#"{"ok": true}"#)
        }
        let doctor = try reelsmith(["doctor"], root: root)
        #expect(
            doctor.stdout.contains(
                "ok   provider local: reachable, the key in \(Self.keyVariable) accepted, 1 models; test-model for script, test-model for score; script: chat answered with json_schema; score: chat answered with json_schema"
            ), "\(doctor.stdout)")
        try expectNoKey(
            under: root,
            outputs: [
                failed.stdout, failed.stderr, resumed.stdout, resumed.stderr, status.stdout, doctor.stdout,
                doctor.stderr,
            ])
    }

    @Test func aFailingProviderFallsBackToTheOfflineEngineAndSaysSo() async throws {
        let workspace = try TestSupport.makeWorkspace()
        let server = try LocalProviderServer { _ in .error(503, "maintenance") }
        var settings = ProviderFixtures.settings(server)
        settings.maxRetries = 0
        let pipeline = GenerationPipeline(
            workspace: workspace, index: try LearningIndex(url: workspace.indexFile),
            engines: EngineSettings(
                script: .provider(.init(provider: "local", model: "m")),
                score: .provider(.init(provider: "local", model: "m")),
                onFailure: .offline),
            providers: ProviderClients([settings]))
        let request = try TestSupport.write(DaemonProcess.cheapRequest, to: workspace.inbox, name: "fallback.yaml")
        let published = try await pipeline.run(requestFile: request)
        #expect(server.requests.count == 2, "one script, one score, each given up at once (max_retries 0)")
        #expect(published.report.engines?["script"] == "offline (fallback: the server failed (503))")
        #expect(published.report.engines?["score"] == "offline (fallback: the server failed (503))")
        #expect(published.report.offlineScore == nil, "a rubric score is not reported as a model's")
        let recorded = try pipeline.index.database.read { db in
            try Row.fetchOne(db, sql: "SELECT score_engine, offline_virality_score FROM videos")
        }
        #expect((recorded?["score_engine"] as String?)?.hasPrefix("offline (fallback:") == true)
        #expect(recorded?["offline_virality_score"] as Int? == nil)
        #expect(published.report.spend?.map(\.requests) == [1, 1])
        #expect(published.report.template == "fitness")
    }

    @Test func theDaemonFailsARefusedKeyWithAnErrorFileThatNamesTheVariableNotTheKey() async throws {
        let daemon = try DaemonProcess()
        daemon.environment = [Self.keyVariable: ProviderFixtures.secret, "REELSMITH_LOG": "debug"]
        let server = try LocalProviderServer { _ in
            .error(401, "Incorrect API key provided: \(ProviderFixtures.secret)")
        }
        try settingsFile(server, onFailure: "fail", in: daemon.root)
        try daemon.start()
        try daemon.drop(DaemonProcess.cheapRequest, as: "requests/refused.yaml")
        _ = try daemon.waitForOutcomes(1)
        daemon.kill(SIGTERM)
        let failed = daemon.workspace.outbox.appendingPathComponent("failed")
        let errorText = try String(contentsOf: failed.appendingPathComponent("refused.yaml.error.txt"), encoding: .utf8)
        #expect(errorText.contains("the key in \(Self.keyVariable) was refused (401)"))
        #expect(errorText.contains("set engines.script to offline"))
        try expectNoKey(under: daemon.root, outputs: [])
    }
}
