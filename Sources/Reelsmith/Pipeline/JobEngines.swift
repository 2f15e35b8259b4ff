/// The engines one job runs (STYLE rule 18): chosen from the settings and the request's own
/// `engines:`, each stage's offline engine kept as the fallback (`on_failure: offline`).
struct JobEngines: Sendable {
    let settings: EngineSettings
    let scriptWriter: any ScriptWriter
    let scorer: any Scorer
    let offlineWriter: OfflineScriptEngine
    let offlineScorer: ViralityRubric

    init(
        settings: EngineSettings, providers: ProviderClients, templates: TemplateLibrary, language: Language, niche: String,
        onUsage: @escaping @Sendable (ProviderUsage) -> Void
    ) throws {
        self.settings = settings
        offlineWriter = OfflineScriptEngine(library: templates)
        offlineScorer = ViralityRubric(lexicon: templates.lexicon(for: language))
        func model(_ choice: EngineChoice, stage: String) throws -> ChatModel? {
            guard case let .provider(engine) = choice else { return nil }
            guard let client = providers[engine.provider] else {
                throw InputError(
                    .invalidValue(key: "engines"), file: "reelsmith.yaml",
                    problem: "engines.\(stage) names the provider `\(engine.provider)`, which is not configured",
                    fix: "declare it under `providers:`, or set engines.\(stage) to offline")
            }
            return ChatModel(client: client, engine: engine, stage: stage, onUsage: onUsage)
        }
        let stopwords = Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, Set(templates.lexicon(for: $0).stopwords.map(Slug.fold))) })
        let templateNiche = templates.template(niche: niche, language: language).niche
        scriptWriter =
            try model(settings.script, stage: "script").map {
                ChatScriptWriter(model: $0, templateNiche: templateNiche, stopwords: stopwords)
            } ?? offlineWriter
        scorer = try model(settings.score, stage: "score").map { ChatScorer(model: $0) } ?? offlineScorer
    }
}
