import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// `reelsmith doctor`: checks what the offline engines need and each configured provider, each
/// with a fix when it fails.
package struct Doctor: Sendable {
    package struct Check: Sendable, Equatable {
        package var name: String
        package var isOK: Bool
        package var detail: String
    }

    package let workspace: Workspace
    package let tools: Tools
    package let providers: [ProviderSettings]
    package let engines: EngineSettings

    package init(
        workspace: Workspace, tools: Tools = Tools(), providers: [ProviderSettings] = [],
        engines: EngineSettings = EngineSettings()
    ) {
        self.workspace = workspace
        self.tools = tools
        self.providers = providers
        self.engines = engines
    }

    package func run() async -> [Check] {
        var checks: [Check] = []
        do {
            let output = try await ExternalTool(executable: tools.ffmpeg).run(["-hide_banner", "-buildconf"])
            let missing = ["--enable-libx264", "--enable-libass", "--enable-libmp3lame", "--enable-libfreetype"]
                .filter { !output.stdout.contains($0) && !output.stderr.contains($0) }
            checks.append(
                Check(
                    name: "ffmpeg", isOK: missing.isEmpty,
                    detail: missing.isEmpty
                        ? "found with libx264, libass, libmp3lame and freetype"
                        : "built without \(missing.joined(separator: ", ")) — install Debian's ffmpeg package"))
        } catch {
            checks.append(Check(name: "ffmpeg", isOK: false, detail: "\(error) — apt-get install ffmpeg"))
        }
        do {
            let audio = try await SpeechSynthesizer.shared.synthesize("Bonjour", voice: Language.fr.defaultVoice)
            _ = try await SpeechSynthesizer.shared.synthesize("Hello", voice: Language.en.defaultVoice)
            checks.append(
                Check(name: "espeak-ng", isOK: !audio.samples.isEmpty, detail: "French and English voices speak"))
        } catch {
            checks.append(Check(name: "espeak-ng", isOK: false, detail: "\(error)"))
        }
        checks += await voiceChecks()
        checks.append(chromiumCheck())
        let hasFont = FileManager.default.fileExists(atPath: tools.fontFile)
        checks.append(
            Check(
                name: "font", isOK: hasFont,
                detail: hasFont
                    ? tools.fontFile
                    : "\(tools.fontFile) is missing — apt-get install fonts-dejavu-core, or set REELSMITH_FONT"))
        do {
            let library = try TemplateLibrary.load(from: workspace.templates)
            checks.append(
                Check(
                    name: "templates", isOK: true,
                    detail: "\(library.templates.count) script templates in \(workspace.templates.path)"))
        } catch {
            checks.append(Check(name: "templates", isOK: false, detail: "\(error)"))
        }
        for (stage, command) in engines.commands {
            checks.append(check(command, stage: stage))
        }
        for provider in providers {
            checks.append(await check(provider))
        }
        return checks
    }

    /// A `command` engine's program can be found and run; it is not started (it may be slow).
    package func check(_ command: CommandEngine, stage: EngineStage) -> Check {
        let name = "engines.\(stage) command"
        guard let program = command.arguments.first else {
            return Check(name: name, isOK: false, detail: "`command` is empty")
        }
        do {
            let url = try ExternalTool.locate(program)
            guard FileManager.default.isExecutableFile(atPath: url.path) else {
                return Check(
                    name: name, isOK: false,
                    detail: "\(url.path) is not an executable file — check the path, or `chmod +x` it")
            }
            return Check(
                name: name, isOK: true,
                detail: "\(url.path), stopped after \(ProviderClient.format(command.timeoutSeconds)) s")
        } catch {
            return Check(
                name: name, isOK: false,
                detail:
                    "`\(program)` is not installed or not on PATH — install it, or write its full path as the first item of `command`"
            )
        }
    }

    /// A provider is reachable, accepts its key, lists the models the engines name (`GET /models`,
    /// when it has that endpoint: faster-whisper-server does not), and answers what the engines
    /// will ask: a tiny chat completion with the chosen format (script, score), one short speech
    /// request (voice), one transcription of a second of speech (align). Never prints the key:
    /// messages name where it comes from.
    package func check(_ provider: ProviderSettings) async -> Check {
        let name = "provider \(provider.name)"
        guard !provider.kind.isStockFootage else { return await stockCheck(provider) }
        let wanted = engines.providerModels.filter { $0.provider == provider.name }.map { ($0.stage, $0.model) }
        let client = ProviderClient(settings: provider, retry: RetryPolicy(maxRetries: 0))
        let key = provider.key == .none ? "no key needed" : "\(provider.key) accepted"
        var found: [String] = []
        do {
            let exchange = try await client.send("GET", "models", stage: nil)
            guard let list = try? JSONDecoder().decode(ModelList.self, from: exchange.reply.body) else {
                return Check(
                    name: name, isOK: false,
                    detail:
                        "\(client.url("models").absoluteString) did not answer with a model list — check that `base_url` is the API's root (it usually ends in /v1)"
                )
            }
            // Gemini's compatible API lists `models/gemini-…`; a request names `gemini-…`.
            let available = Set(
                list.data.flatMap { [$0.id, $0.id.hasPrefix("models/") ? String($0.id.dropFirst(7)) : $0.id] })
            let missing = wanted.filter { !available.contains($0.1) }
            guard missing.isEmpty else {
                let names = list.data.map(\.id).sorted().prefix(8).joined(separator: ", ")
                return Check(
                    name: name, isOK: false,
                    detail: missing.map {
                        "engines.\($0.0) names the model `\($0.1)`, which \(provider.name) does not list"
                    }
                    .joined(separator: "; ")
                        + " — fix the name (available: \(names.isEmpty ? "none" : names)), or fetch the model (Ollama: `ollama pull \(missing[0].1)`)"
                )
            }
            let models =
                wanted.isEmpty ? "no engine uses it" : wanted.map { "\($0.1) for \($0.0)" }.joined(separator: ", ")
            found.append("reachable, \(key), \(list.data.count) models; \(models)")
        } catch let error as ProviderError {
            // No `GET /models` (a 404 or 405 from a server that serves only what it does) is not a
            // failure: the engines' own calls below decide. A base_url without /v1 is told apart
            // by its own message.
            guard [.rejected(status: 404), .rejected(status: 405)].contains(error.reason), !wanted.isEmpty,
                !error.problem.contains("has no /v1")
            else { return failed(name, error) }
            found.append("reachable, no GET /models (not needed)")
        } catch {
            return Check(name: name, isOK: false, detail: "\(error)")
        }
        for (stage, _) in wanted {
            do {
                found.append("\(stage): " + (try await probe(stage, client: client)))
            } catch let error as ProviderError {
                return failed(name, error, after: found)
            } catch {
                return Check(name: name, isOK: false, detail: "\(stage): \(error)")
            }
        }
        return Check(name: name, isOK: true, detail: found.joined(separator: "; "))
    }

    /// What the stage's engine would ask, made tiny (``EngineProbe``).
    private func probe(_ stage: EngineStage, client: ProviderClient) async throws -> String {
        switch stage {
        case .script, .score:
            guard let options = (stage == .script ? engines.script : engines.score).provider else { return "" }
            return "chat answered with \(try await EngineProbe.chat(client: client, engine: options, stage: stage))"
        case .voice:
            guard let options = engines.voice.provider else { return "" }
            return try await EngineProbe.speech(client: client, engine: options, ffmpeg: tools.ffmpeg)
        case .align:
            guard let options = engines.align.provider else { return "" }
            return try await EngineProbe.transcription(client: client, engine: options)
        default:
            // Images cost money per call: their provider is checked by its model list only.
            return "not tried (each image is billed)"
        }
    }

    private func failed(_ name: String, _ error: ProviderError, after found: [String] = []) -> Check {
        let before = found.isEmpty ? "" : found.joined(separator: "; ") + "; but "
        return Check(
            name: name, isOK: false,
            detail:
                "\(before)\(error.stage.map { "\($0): " } ?? "")\(error.problem)\(error.serverMessage.map { " (the server said: \($0))" } ?? "") — \(error.fix)"
        )
    }

    /// A stock provider (issue 9) answers one search with its key: reachable, key accepted.
    private func stockCheck(_ provider: ProviderSettings) async -> Check {
        let name = "provider \(provider.name)"
        let client = ProviderClient(settings: provider, retry: RetryPolicy(maxRetries: 0))
        let cache = StockClipCache(state: FileManager.default.temporaryDirectory)
        guard let source = EngineFactory.clipSource(client: client, cache: cache) else {
            return Check(name: name, isOK: false, detail: "\(provider.kind.rawValue) serves no stock footage")
        }
        let used = engines.clips == .provider(provider.name) ? "used by engines.clips" : "no engine uses it"
        do {
            let results = try await source.search(term: "nature")
            let key = provider.key == .none ? "no key sent" : "\(provider.key) accepted"
            return Check(
                name: name, isOK: true,
                detail: "\(provider.kind.rawValue): reachable, \(key), \(results.count) clips for “nature”; \(used)")
        } catch let error as ProviderError {
            return Check(
                name: name, isOK: false,
                detail:
                    "\(error.problem)\(error.serverMessage.map { " (the server said: \($0))" } ?? "") — \(error.fix)")
        } catch {
            return Check(name: name, isOK: false, detail: "\(error)")
        }
    }
}
