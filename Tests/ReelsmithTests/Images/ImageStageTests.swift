import Foundation
import Logging
import Testing

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

/// The images stage's failures, each with its documented outcome: a refused prompt rewritten
/// once by the script's model, then a title card; a `command` engine that fails, hangs or writes
/// nothing; `on_failure: fail`. Real ffmpeg, real programs, the local server.
@Suite struct ImageStageTests {
    static let palette = ["#0f2027", "#2c5364"]

    static func scenes(_ prompts: [String]) -> [Script.Scene] {
        prompts.enumerated().map {
            Script.Scene(index: $0 + 1, narration: "Scene \($0 + 1).", keyPhrase: "Key \($0 + 1)", imagePrompt: $1)
        }
    }

    static func stage(
        engine: (any ImageEngine)?, label: String, rewriter: PromptRewriter? = nil,
        onFailure: EngineSettings.FailurePolicy = .offline,
        staging: URL = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reelsmith-images-\(UUID().uuidString)")
    ) throws -> (ImageStage, URL) {
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        let tools = Tools()
        let cards = TitleCards(
            renderer: ImageRenderer(ffmpeg: tools.ffmpeg, fontFile: tools.fontFile), palette: palette, assets: [])
        let engines =
            engine.map { StageEngine(.images, chosen: $0, label: label, offline: cards, onFailure: onFailure) }
            ?? StageEngine(offline: cards, stage: .images)
        let stage = ImageStage(
            engines: engines, titleCards: cards, rewriter: rewriter, style: "soft morning light, film photo",
            staging: staging,
            logger: Logger(label: "test"))
        return (stage, staging)
    }

    /// Whether the scene's published picture is the server's (its lime centre) rather than a card.
    static func isServersPicture(_ staging: URL, scene: Int) throws -> Bool {
        let pixel = try MediaFixtures.pixel(
            staging.appendingPathComponent(String(format: "images/%02d.png", scene)), x: 540, y: 960)
        return pixel.green > 200 && pixel.red < 80
    }

    @Test func aRefusedPromptIsRewrittenOnceThenTheSceneGetsATitleCard() async throws {
        let picture = try MediaFixtures.portraitPicture()
        let server = try LocalProviderServer { request in
            if request.path.hasSuffix("/chat/completions") {
                let asked = ProviderFixtures.messagesText(request)
                let rewrite =
                    asked.contains("ALWAYS-REFUSED") ? "ALWAYS-REFUSED, but gentler" : "a sunrise over quiet hills"
                return .chatCompletion("{\"prompt\": \"\(rewrite)\"}")
            }
            let prompt = request.json?["prompt"] as? String ?? ""
            if prompt.contains("FORBIDDEN") || prompt.contains("ALWAYS-REFUSED") { return .contentPolicyRefusal() }
            return .imageGeneration(picture)
        }
        defer { server.stop() }
        let client = ProviderFixtures.client(server, maxRetries: 0)
        let usage = ProviderFixtures.UsageLog()
        let engine = ImagesEndpoint(client: client, engine: .init(provider: "local", model: "dall-e-3")) {
            usage.append($0)
        }
        let (stage, staging) = try Self.stage(
            engine: engine, label: "local/dall-e-3", rewriter: PromptRewriter(model: ProviderFixtures.model(client)))

        let made = try await stage.run(
            scenes: Self.scenes(["a calm beach", "a FORBIDDEN scene", "an ALWAYS-REFUSED scene"]))

        #expect(made.map(\.scene) == [1, 2, 3])
        #expect(made[0].fallback == nil && made[0].rewrittenPrompt == nil)
        #expect(try Self.isServersPicture(staging, scene: 1))
        #expect(made[1].rewrittenPrompt?.hasPrefix("a sunrise over quiet hills, soft morning light") == true)
        #expect(made[1].fallback == nil)
        #expect(try Self.isServersPicture(staging, scene: 2), "the rewritten prompt was drawn")
        #expect(made[2].rewrittenPrompt?.hasPrefix("ALWAYS-REFUSED, but gentler") == true)
        #expect(made[2].fallback?.contains("refused the prompt twice") == true)
        #expect(made[2].engine == "offline")
        #expect(try !Self.isServersPicture(staging, scene: 3), "a title card instead")
        #expect(try Probe.of(staging.appendingPathComponent("images/03.png")).video?.height == 1920)
        #expect(SceneImage.summary(made) == "local/dall-e-3 (1 of 3 scenes fell back to title cards)")
        // DALL·E 3: its portrait size and base64 asked for; the style line on every prompt.
        let sent = server.requests(path: "/images/generations").compactMap(\.json)
        #expect(sent.count == 5, "three scenes, two of them asked again")
        #expect(
            sent.allSatisfy { $0["size"] as? String == "1024x1792" && $0["response_format"] as? String == "b64_json" })
        #expect(sent.allSatisfy { ($0["prompt"] as? String)?.contains("soft morning light, film photo") == true })
        #expect(usage.all.filter { $0.stage == .images }.reduce(0) { $0 + $1.images } == 2, "two pictures made")
    }

    @Test func aRefusedPromptWithoutAScriptModelGetsATitleCardAtOnce() async throws {
        let server = try LocalProviderServer { _ in .contentPolicyRefusal() }
        defer { server.stop() }
        let engine = ImagesEndpoint(
            client: ProviderFixtures.client(server, maxRetries: 0), engine: .init(provider: "local", model: "m")
        ) { _ in }
        let (stage, staging) = try Self.stage(engine: engine, label: "local/m")
        let made = try await stage.run(scenes: Self.scenes(["anything"]))
        #expect(made[0].fallback?.contains("no script model can rewrite it") == true)
        #expect(FileManager.default.fileExists(atPath: staging.appendingPathComponent("images/01.png").path))
        #expect(server.requests(path: "/images/generations").count == 1)
    }

    @Test func aCommandEngineDrawsThePicture() async throws {
        let command = CommandEngine(arguments: [
            "ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "color=c=0x00ff00:s=576x1024",
            "-frames:v", "1",
            "-f", "image2", "-c:v", "png", "{out}",
        ])
        let (stage, staging) = try Self.stage(engine: CommandImages(command: command), label: "command:ffmpeg")
        let made = try await stage.run(scenes: Self.scenes(["a green field", "another"]))
        #expect(made.allSatisfy { $0.fallback == nil && $0.engine == "command:ffmpeg" })
        #expect(try Self.isServersPicture(staging, scene: 2))
        #expect(try Probe.of(staging.appendingPathComponent("images/02.png")).video?.width == 1080)
    }

    @Test(arguments: [
        (["false", "{out}"], 300.0, "failed with status 1"),
        (["sh", "-c", "exec sleep 30", "{out}"], 1.0, "did not finish within 1 s and was stopped"),
        (["true", "{out}"], 300.0, "finished but wrote nothing to {out}"),
        (["no-such-drawing-program", "{out}"], 300.0, "is not installed or not on PATH"),
        // A playlist where a picture should be: never handed to ffmpeg to guess.
        (
            ["sh", "-c", "printf '#EXTM3U\\n#EXTINF:1,\\n/etc/passwd\\n' > \"$0\"", "{out}"], 300.0,
            "not a PNG, JPEG or WebP picture"
        ),
    ])
    func aFailingCommandGivesATitleCardAndSaysWhy(arguments: [String], timeout: Double, problem: String) async throws {
        let command = CommandEngine(arguments: arguments, timeoutSeconds: timeout)
        let (stage, staging) = try Self.stage(engine: CommandImages(command: command), label: command.program)
        let made = try await stage.run(scenes: Self.scenes(["a picture"]))
        #expect(made[0].fallback?.contains(problem) == true, "\(made[0].fallback ?? "no fallback")")
        #expect(FileManager.default.fileExists(atPath: staging.appendingPathComponent("images/01.png").path))
    }

    @Test(.timeLimit(.minutes(2))) func aHungWrapperScriptIsStoppedWithEverythingItStarted() async throws {
        // The script waits on a child of its own: stopping only the script would leave the child
        // holding the pipes, and the job would wait for it.
        let marker = "sleep 3\(Int.random(in: 100...999)).25"  // a duration no other process sleeps
        let command = CommandEngine(arguments: ["sh", "-c", "\(marker) & wait", "{out}"], timeoutSeconds: 1)
        let (stage, _) = try Self.stage(engine: CommandImages(command: command), label: "command:sh")
        // Returning at all (within the time limit) shows the job did not wait for the 300 s child.
        let made = try await stage.run(scenes: Self.scenes(["a picture"]))
        #expect(made[0].fallback?.contains("did not finish within 1 s") == true, "\(made[0].fallback ?? "")")
        try await Task.sleep(for: .seconds(4))
        let survivors = try TestSupport.run("pgrep", ["-f", marker])
        #expect(survivors.stdout.isEmpty, "the wrapper's child was stopped too")
    }

    @Test func aStoppedJobDoesNotPayAgainForThePicturesItHas() async throws {
        let picture = try MediaFixtures.portraitPicture()
        let records = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reelsmith-images-\(UUID().uuidString)")
        let server = try LocalProviderServer { request in
            guard (request.json?["prompt"] as? String ?? "").contains("third") else { return .imageGeneration(picture) }
            // The third fails once the other two are finished and recorded (however loaded the
            // machine), so the stop leaves exactly one picture missing.
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline,
                ((try? FileManager.default.contentsOfDirectory(
                    atPath: records.appendingPathComponent("work/image-scenes").path)) ?? [])
                    .filter({ $0.count == 7 && $0.hasSuffix(".json") }).count < 2
            {
                Thread.sleep(forTimeInterval: 0.02)
            }
            return .init(
                status: 500, headers: ["Content-Type": "application/json"],
                body: Data(#"{"error":{"message":"down"}}"#.utf8))
        }
        defer { server.stop() }
        // The third answer waits for the other two pictures: on a loaded machine that is longer than
        // the fixtures' 5 s timeout, which would stop the job before they were recorded.
        let client = ProviderFixtures.client(server, maxRetries: 0, timeoutSeconds: 120)
        let engine = ImagesEndpoint(client: client, engine: .init(provider: "local", model: "m")) { _ in }
        let (stage, staging) = try Self.stage(engine: engine, label: "local/m", onFailure: .fail, staging: records)
        let scenes = Self.scenes(["first", "second", "third"])
        await #expect(throws: ProviderError.self) { _ = try await stage.run(scenes: scenes) }
        #expect(server.requests(path: "/images/generations").count == 3)
        server.respond { _ in .imageGeneration(picture) }
        let again = ImageStage(
            engines: stage.engines, titleCards: stage.titleCards, rewriter: nil, style: stage.style, staging: staging,
            logger: Logger(label: "test"))
        let made = try await again.run(scenes: scenes)
        #expect(made.allSatisfy { $0.fallback == nil })
        #expect(server.requests(path: "/images/generations").count == 4, "only the missing picture was asked again")
    }

    @Test func underOnFailureFailTheJobStopsWithTheCommandsMessage() async throws {
        let command = CommandEngine(arguments: ["false", "{out}"])
        let (stage, _) = try Self.stage(
            engine: CommandImages(command: command), label: "command:false", onFailure: .fail)
        do {
            _ = try await stage.run(scenes: Self.scenes(["a picture"]))
            Issue.record("the stage did not fail")
        } catch {
            #expect(
                "\(error)"
                    == "engines.images, command `false`: failed with status 1 — run the command by hand to see why, or set engines.images to offline"
            )
        }
    }
}
