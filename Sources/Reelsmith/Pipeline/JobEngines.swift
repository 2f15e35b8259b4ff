/// The engines one job runs (STYLE rule 18): chosen from the settings and the request's own
/// `engines:`, each stage's offline engine kept as the fallback (`on_failure: offline`).
struct JobEngines: Sendable {
    let settings: EngineSettings
    let scriptWriter: any ScriptWriter
    let scorer: any Scorer
    let offlineWriter: OfflineScriptEngine
    let offlineScorer: ViralityRubric
    /// The script's model, when it is a provider's.
    let scriptModel: ChatModel?
    /// The script's model again, rewriting refused image prompts; its cost counts to `images`.
    let promptRewriter: PromptRewriter?
    /// nil: espeak-ng.
    let voice: (any VoiceEngine)?
    /// nil: offline alignment (when the voice gives no timings).
    let transcriber: TranscriptionAligner?
    /// nil: the title cards (or the niche's own pictures).
    let images: (any ImageEngine)?

    init(
        settings: EngineSettings, providers: ProviderClients, templates: TemplateLibrary, language: Language, niche: String,
        ffmpeg: String, onUsage: @escaping @Sendable (ProviderUsage) -> Void
    ) throws {
        self.settings = settings
        offlineWriter = OfflineScriptEngine(library: templates)
        offlineScorer = ViralityRubric(lexicon: templates.lexicon(for: language))
        func client(_ engine: EngineChoice.ProviderEngine, stage: String) throws -> ProviderClient {
            guard let client = providers[engine.provider] else {
                throw InputError(
                    .invalidValue(key: "engines"), file: "reelsmith.yaml",
                    problem: "engines.\(stage) names the provider `\(engine.provider)`, which is not configured",
                    fix: "declare it under `providers:`, or set engines.\(stage) to offline")
            }
            return client
        }
        func model(_ choice: EngineChoice, stage: String) throws -> ChatModel? {
            guard let engine = choice.provider else { return nil }
            return ChatModel(client: try client(engine, stage: stage), engine: engine, stage: stage, onUsage: onUsage)
        }
        let stopwords = templates.foldedStopwords
        let templateNiche = templates.template(niche: niche, language: language).niche
        scriptModel = try model(settings.script, stage: "script")
        promptRewriter = try model(settings.script, stage: "images").map(PromptRewriter.init)
        scriptWriter =
            scriptModel.map { ChatScriptWriter(model: $0, templateNiche: templateNiche, stopwords: stopwords) } ?? offlineWriter
        scorer = try model(settings.score, stage: "score").map { ChatScorer(model: $0) } ?? offlineScorer
        switch settings.voice {
        case .offline: voice = nil
        case let .provider(engine):
            voice = SpeechEndpointVoice(
                client: try client(engine, stage: "voice"), engine: engine, ffmpeg: ffmpeg, language: language, onUsage: onUsage)
        case let .command(command): voice = CommandVoice(command: command, ffmpeg: ffmpeg)
        }
        transcriber = try settings.align.provider.map {
            TranscriptionAligner(client: try client($0, stage: "align"), engine: $0, onUsage: onUsage)
        }
        switch settings.images {
        case .offline: images = nil
        case let .provider(engine): images = ImagesEndpoint(client: try client(engine, stage: "images"), engine: engine, onUsage: onUsage)
        case let .command(command): images = CommandImages(command: command)
        }
    }
}
