import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// Builds every stage's engine from the settings: the one place engines are made, for jobs and for
/// `reelsmith doctor`. A provider engine is chosen by the kind of the provider it names; a new
/// provider is a new engine file and one case here.
package struct EngineFactory: Sendable {
    package let providers: ProviderClients
    package let ffmpeg: String
    /// Where stock clips are cached.
    package let clipCache: StockClipCache
    /// Called with each provider exchange's cost, as it happens.
    let onUsage: @Sendable (ProviderUsage) -> Void

    package init(
        providers: ProviderClients, ffmpeg: String, clipCache: StockClipCache,
        onUsage: @escaping @Sendable (ProviderUsage) -> Void
    ) {
        self.providers = providers
        self.ffmpeg = ffmpeg
        self.clipCache = clipCache
        self.onUsage = onUsage
    }

    /// What a job's offline engines need: the templates, the request's language and niche, and
    /// its espeak-ng voice.
    package struct OfflineInputs: Sendable {
        package var templates: TemplateLibrary
        package var language: Language
        package var niche: String
        /// The espeak-ng voice: the request's, or the language's default.
        package var offlineVoice: String
        package var renderer: ImageRenderer
        /// The niche's own pictures (`templates/assets/<niche>/`).
        package var assets: [URL]
        /// The piper voice that reads offline (issue 20), espeak-ng its fallback; nil: espeak-ng reads.
        package var piper: PiperVoice?

        package init(
            templates: TemplateLibrary, language: Language, niche: String, offlineVoice: String,
            renderer: ImageRenderer, assets: [URL], piper: PiperVoice? = nil
        ) {
            self.templates = templates
            self.language = language
            self.niche = niche
            self.offlineVoice = offlineVoice
            self.renderer = renderer
            self.assets = assets
            self.piper = piper
        }
    }

    package func engines(_ settings: EngineSettings, for job: OfflineInputs) throws -> JobEngines {
        let templates = job.templates
        let template = templates.template(niche: job.niche, language: job.language)
        let offlineWriter = OfflineScriptEngine(library: templates)
        let rubric = ViralityRubric(lexicon: templates.lexicon(for: job.language))
        let cards = TitleCards(renderer: job.renderer, palette: template.palette, assets: job.assets)
        let espeak = EspeakVoice(voice: job.offlineVoice)
        let offlineAligner = OfflineAligner(referenceVoice: job.offlineVoice)

        func stage<Engine, Options>(
            _ stage: EngineStage, _ choice: EngineChoice<Options>, offline: Engine,
            offlineLabel: String = EngineLabel.offline, provider: (Options, ProviderClient) -> Engine,
            command: ((CommandEngine) -> Engine)? = nil
        ) throws -> StageEngine<Engine> {
            let chosen: Engine
            switch choice {
            case .offline: return StageEngine(offline: offline, stage: stage, label: offlineLabel)
            case .provider(let options): chosen = provider(options, try client(options.provider, for: stage))
            case .command(let engine):
                guard let command else { return StageEngine(offline: offline, stage: stage, label: offlineLabel) }
                chosen = command(engine)
            }
            return StageEngine(
                stage, chosen: chosen, label: choice.label, offline: offline, onFailure: settings.onFailure)
        }
        let stopwords = templates.foldedStopwords
        // A piper voice reads offline with espeak-ng as its fallback (issue 20); a provider or a
        // command falls back to espeak-ng.
        let voice: StageEngine<any VoiceEngine>
        if settings.voice == .offline, let piper = job.piper {
            voice = StageEngine(
                .voice, chosen: piper as any VoiceEngine,
                label: piper.voice.map(PiperVoice.label) ?? EngineLabel.offline, offline: espeak,
                onFailure: settings.onFailure)
        } else {
            voice = try stage(
                .voice, settings.voice, offline: espeak as any VoiceEngine,
                provider: { options, client in
                    SpeechEndpointVoice(
                        client: client, engine: options, ffmpeg: ffmpeg, language: job.language, onUsage: onUsage)
                },
                command: { CommandVoice(command: $0, ffmpeg: ffmpeg) })

        }
        return JobEngines(
            settings: settings,
            script: try stage(.script, settings.script, offline: offlineWriter as any ScriptWriter) { options, client in
                ChatScriptWriter(
                    model: ChatModel(client: client, engine: options, stage: .script, onUsage: onUsage),
                    templateNiche: template.niche, stopwords: stopwords)
            },
            score: try stage(.score, settings.score, offline: rubric as any Scorer) { options, client in
                ChatScorer(model: ChatModel(client: client, engine: options, stage: .score, onUsage: onUsage))
            },
            // Chosen, the offline pictures include the niche's own; after a failure, a title card.
            images: settings.images == .offline
                ? StageEngine(offline: cards, stage: .images)
                : try stage(
                    .images, settings.images, offline: cards.withoutAssets as any ImageEngine,
                    provider: { options, client in ImagesEndpoint(client: client, engine: options, onUsage: onUsage) },
                    command: { CommandImages(command: $0) }),
            titleCards: cards,
            promptRewriter: try settings.script.provider.map { options in
                PromptRewriter(
                    model: ChatModel(
                        client: try client(options.provider, for: .script), engine: options, stage: .images,
                        onUsage: onUsage))
            },
            voice: voice,
            align: try stage(
                .align, settings.align, offline: offlineAligner as any Aligner,
                offlineLabel: OfflineAligner.label,
                provider: { options, client in TranscriptionAligner(client: client, engine: options, onUsage: onUsage) }
            ),
            clips: try clipSource(settings.clips ?? .offline))
    }

    /// The stock footage source `engines.clips` names, or the clip library alone.
    package func clipSource(_ engine: ClipsEngine) throws -> any ClipSource {
        guard case .provider(let name) = engine else { return LibraryOnlyClips() }
        let client = try client(name, for: .clips)
        guard let source = Self.clipSource(client: client, cache: clipCache, onUsage: onUsage) else {
            throw InputError(
                .invalidValue(key: "engines"), file: "reelsmith.yaml",
                problem: "engines.clips names `\(name)`, a \(client.settings.kind.rawValue) provider",
                fix: "name a provider of a stock footage kind (\(ProviderSettings.Kind.stockFootage))")
        }
        return source
    }

    /// A stock footage provider's search, by the provider's kind; nil for a kind that has none.
    package static func clipSource(
        client: ProviderClient, cache: StockClipCache, onUsage: @escaping @Sendable (ProviderUsage) -> Void = { _ in }
    ) -> (any ClipSource)? {
        switch client.settings.kind {
        case .openai: nil
        case .pexels: PexelsClipSource(client: client, cache: cache, onUsage: onUsage)
        case .pixabay: PixabayClipSource(client: client, cache: cache, onUsage: onUsage)
        }
    }

    /// The configured provider an engine names.
    private func client(_ name: String, for stage: EngineStage) throws -> ProviderClient {
        guard let client = providers[name] else {
            throw InputError(
                .invalidValue(key: "engines"), file: "reelsmith.yaml",
                problem: "engines.\(stage) names the provider `\(name)`, which is not configured",
                fix: "declare it under `providers:`, or set engines.\(stage) to offline")
        }
        return client
    }
}
