import Foundation
import Testing

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

/// `providers:` and `engines:` in `reelsmith.yaml` and in a request (DESIGN §7).
@Suite struct ProviderSettingsTests {
    private func file(_ text: String, name: String = "reelsmith.yaml") throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reelsmith-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try TestSupport.write(text, to: folder, name: name)
    }

    static let designExample = """
        providers:
          openai:
            base_url: https://api.openai.com/v1
            api_key_env: OPENAI_API_KEY
            max_in_flight: 4
          ollama:
            base_url: http://localhost:11434/v1
          pexels:
            kind: pexels
            api_key_env: PEXELS_API_KEY
        engines:
          script:  { provider: ollama, model: llama3.1 }
          score:   { provider: openai, model: gpt-4o-mini, temperature: 0.2 }
          images:  { provider: openai, model: gpt-image-1 }
          voice:   { provider: openai, model: gpt-4o-mini-tts, voice: alloy }
          align:   { provider: openai, model: whisper-1 }
          on_failure: offline
        """

    @Test func theDesignsExampleIsReadAsWritten() throws {
        let configuration = try Configuration.load(
            file: try file(Self.designExample), environment: ["OPENAI_API_KEY": "sk-x"])
        #expect(configuration.providers.map(\.name) == ["openai", "ollama", "pexels"])
        #expect(configuration.providers[0].key == .environment("OPENAI_API_KEY", value: "sk-x"))
        #expect(configuration.providers[1].key == .none && configuration.providers[1].maxInFlight == 4)
        #expect(
            configuration.providers[2].kind == .pexels
                && configuration.providers[2].baseURL.absoluteString == "https://api.pexels.com")
        #expect(configuration.engines.script == .provider(.init(provider: "ollama", model: "llama3.1")))
        #expect(
            configuration.engines.score == .provider(.init(provider: "openai", model: "gpt-4o-mini", temperature: 0.2)))
        #expect(configuration.engines.images == .provider(.init(provider: "openai", model: "gpt-image-1")))
        #expect(
            configuration.engines.voice
                == .provider(.init(provider: "openai", model: "gpt-4o-mini-tts", voice: "alloy")))
        #expect(configuration.engines.align == .provider(.init(provider: "openai", model: "whisper-1")))
        #expect(configuration.engines.onFailure == .offline)
        #expect("\(configuration.providers[0].key)" == "the key in OPENAI_API_KEY")
    }

    @Test func mistakesNameTheirLineAndFix() throws {
        let cases: [(String, Int, String)] = [
            ("providers:\n  openai:\n    base_ur: https://x/v1\n", 3, "did you mean `base_url`?"),
            ("providers:\n  openai:\n    api_key_env: OPENAI_API_KEY\n", 3, "add a line such as `base_url:"),
            ("providers:\n  openai:\n    base_url: ftp://x\n", 3, "https://api.openai.com/v1"),
            (
                "providers:\n  openai:\n    base_url: https://x/v1\n    api_key_env: sk-abc123\n", 4,
                "the variable's name"
            ),
            ("providers:\n  openai:\n    base_url: https://x/v1\n    max_in_flight: 0\n", 4, "between 1 and 64"),
            (
                "providers:\n  openai:\n    base_url: https://x/v1\nengines:\n  script: { provider: opena, model: m }\n",
                5, "did you mean `openai`?"
            ),
            ("engines:\n  script: { provider: openai, model: m }\n", 2, "declare it under `providers:`"),
            (
                "providers:\n  p:\n    base_url: https://x/v1\nengines:\n  scritp: { provider: p, model: m }\n", 5,
                "did you mean `script`?"
            ),
            ("providers:\n  p:\n    base_url: https://x/v1\nengines:\n  script: { provider: p }\n", 5, "`model:"),
            (
                "providers:\n  p:\n    base_url: https://x/v1\nengines:\n  score: { provider: p, model: m, temperature: 3 }\n",
                5, "between 0.0 and 2.0"
            ),
            ("engines:\n  on_failure: retry\n", 2, "`on_failure: fail`"),
            (
                "providers:\n  p:\n    base_url: http://203.0.113.7/v1\n    api_key_env: K\n", 3,
                "use an https:// address"
            ),
            ("providers:\n  p:\n    base_url: https://user:pw@x/v1\n", 3, "the key in `api_key_env`"),
            ("engines:\n  script: openai\n", 2, "`script: offline`"),
            (
                "providers:\n  p:\n    base_url: https://x/v1\nengines:\n  voice: { provider: p, model: tts-1, format: ogg }\n",
                5, "use one of mp3, wav"
            ),
            (
                "providers:\n  p:\n    base_url: https://x/v1\nengines:\n  images: { provider: p, model: m, size: big }\n",
                5, "`size: 1024x1792`"
            ),
            ("engines:\n  voice: { command: [piper, --model, fr.onnx] }\n", 2, "--output_file, \"{out}\"]"),
            ("engines:\n  align: { command: [whisper, \"{out}\"] }\n", 2, "`align: offline`"),
            ("engines:\n  images: { command: [] }\n", 2, "write `command: [sd-cli, -m, model.gguf, -p, \"{prompt}\""),
            ("engines:\n  voice: { command: [piper, \"{out}\"], timeout_seconds: 0 }\n", 2, "between 1.0 and 3600.0"),
            (
                "providers:\n  s:\n    kind: pexels\n    api_key_env: K\nengines:\n  script: { provider: s, model: m }\n",
                6, "of kind `openai`"
            ),
        ]
        try SettingsMistakes.expectRefused(cases)
    }

    @Test func aKeyFileIsReadOnlyWhenOnlyItsOwnerCanReadIt() throws {
        let settings = try file("providers:\n  p:\n    base_url: https://x/v1\n    api_key_file: key.txt\n")
        let key = settings.deletingLastPathComponent().appendingPathComponent("key.txt")
        try Data("sk-from-file\n".utf8).write(to: key)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: key.path)
        #expect {
            _ = try Configuration.load(file: settings, environment: [:])
        } throws: { error in
            let error = error as? InputError
            return error?.line == 4 && error?.problem.contains("may be read by others (mode 644)") == true
                && error?.fix == "run `chmod 600 \(key.path)` so that only its owner can read it"
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: key.path)
        let configuration = try Configuration.load(file: settings, environment: [:])
        guard case .file(let path, let value) = configuration.providers[0].key else {
            Issue.record("no key file")
            return
        }
        #expect(path == key.path && value.secret == "sk-from-file")
        #expect("\(value)" == "<redacted>" && !"\(configuration)".contains("sk-from-file"))
    }

    @Test func aRequestOverridesTheEnginesKeyByKey() throws {
        let base = EngineSettings(
            script: .provider(.init(provider: "openai", model: "gpt-4o-mini")),
            score: .provider(.init(provider: "openai", model: "gpt-4o-mini")))
        let request = try GenerationRequest.decode(
            data: Data("niche: fitness\nengines:\n  script: offline\n  on_failure: fail\n".utf8), displayName: "r.yaml",
            engines: base,
            providers: ["openai": .openai])
        #expect(request.engines == EngineSettings(script: .offline, score: base.score, onFailure: .fail))
        #expect(throws: InputError.self) {
            try GenerationRequest.decode(
                data: Data("niche: fitness\nengines:\n  script: { provider: nobody, model: m }\n".utf8),
                displayName: "r.yaml",
                engines: base, providers: ["openai": .openai])
        }
        let plain = try GenerationRequest.decode(
            data: Data("niche: fitness\n".utf8), displayName: "r.yaml", engines: base)
        #expect(plain.engines == nil)
    }

    @Test func theMediaEnginesAreReadAsDocumented() throws {
        let settings = try file(
            """
            providers:
              openai:
                base_url: https://api.openai.com/v1
            engines:
              images: { provider: openai, model: gpt-image-1, quality: low }
              voice: { provider: openai, model: gpt-4o-mini-tts, voice: alloy, speed: 1.2, format: wav, input_limit: 2000 }
              align: { provider: openai, model: whisper-1 }
            """)
        let engines = try Configuration.load(file: settings, environment: [:]).engines
        #expect(engines.images == .provider(.init(provider: "openai", model: "gpt-image-1", quality: "low")))
        #expect(
            engines.voice
                == .provider(
                    .init(
                        provider: "openai", model: "gpt-4o-mini-tts", voice: "alloy", speed: 1.2, format: "wav",
                        inputLimit: 2000)))
        #expect(engines.align == .provider(.init(provider: "openai", model: "whisper-1")))
        // OpenAI's image models take their own sizes and qualities only; a local model any size.
        // An align model must give word timestamps.
        for (engine, accepted) in [
            ("{ provider: openai, model: gpt-image-1, size: 1080x1920 }", false),
            ("{ provider: openai, model: gpt-image-1, size: auto, quality: high }", true),
            ("{ provider: openai, model: dall-e-3, size: 1024x1792, quality: low }", false),
            ("{ provider: openai, model: dall-e-3, size: 1024x1792, quality: hd }", true),
            ("{ provider: openai, model: sdxl-turbo, size: 768x1344 }", true),
            ("{ provider: openai, model: sdxl-turbo, size: auto }", false),
            ("align: { provider: openai, model: gpt-4o-transcribe }", false),
            ("align: { provider: openai, model: whisper-1 }", true),
        ] {
            let stage = engine.hasPrefix("align:") ? engine : "images: \(engine)"
            let text = "providers:\n  openai: { base_url: \"https://api.openai.com/v1\" }\nengines:\n  \(stage)\n"
            do {
                _ = try Configuration.load(file: try file(text), environment: [:])
                #expect(accepted, "\(engine) was accepted")
            } catch {
                #expect(!accepted, "\(engine): \(error)")
                #expect(
                    ["use one of", "WIDTHxHEIGHT", "no word timestamps"].contains { "\(error)".contains($0) },
                    "\(error)")
            }
        }
        let settingsFile = try file(
            "engines:\n  voice: { command: [piper, --model, fr.onnx, --output_file, \"{out}\"], timeout_seconds: 60 }\n"
                + "  images: { command: [sd, -p, \"{prompt}\", -o, \"{out}\"] }\n")
        let commands = try Configuration.load(file: settingsFile, environment: [:]).engines
        // They run beside reelsmith.yaml, where `fr.onnx` is.
        let folder = settingsFile.deletingLastPathComponent().standardizedFileURL.path
        var piper = CommandEngine(
            arguments: ["piper", "--model", "fr.onnx", "--output_file", "{out}"], timeoutSeconds: 60)
        piper.folder = folder
        var sd = CommandEngine(arguments: ["sd", "-p", "{prompt}", "-o", "{out}"], timeoutSeconds: 300)
        sd.folder = folder
        #expect(commands.voice == .command(piper))
        #expect(commands.images == .command(sd))
        // Both survive the trip through report.json's request.
        let encoded = try JSONEncoder().encode(commands)
        #expect(try JSONDecoder().decode(EngineSettings.self, from: encoded) == commands)
    }

    @Test func aRequestCannotRunAProgram() {
        do {
            _ = try GenerationRequest.decode(
                data: Data("niche: fitness\nengines:\n  voice: { command: [rm, -rf, \"{out}\"] }\n".utf8),
                displayName: "r.yaml")
            Issue.record("a request ran a command")
        } catch {
            #expect(error.line == 3)
            #expect(error.problem.contains("a request cannot run a program"))
            #expect(error.fix.contains("reelsmith.yaml"))
        }
    }

    @Test func theScriptSchemaAsksForEveryKeyTheModelWrites() {
        let schema = ScriptSchema.schema(sceneCount: 3)
        #expect(schema["additionalProperties"] == .bool(false))
        #expect(schema["required"] == .array(ScriptSchema.scriptKeys.map(JSONValue.string)))
        #expect(
            Set(ScriptSchema.scriptKeys).isSubset(
                of: Set([
                    "title", "hook", "script", "scenes", "hashtags", "description", "call_to_action",
                    "duration_seconds", "language", "template",
                ])))
        let scenes = schema["properties"]?["scenes"]
        #expect(scenes?["minItems"] == .number(3) && scenes?["maxItems"] == .number(3))
        #expect(scenes?["items"]?["required"] == .array(ScriptSchema.sceneKeys.map(JSONValue.string)))
    }
}
