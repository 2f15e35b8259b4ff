import Foundation
import Logging

/// One request's run through the stages, inside its staging folder. Every product is written
/// whole (temp file or folder, then rename), so its presence means the stage finished.
struct GenerationJob: Sendable {
    let id: String
    let request: GenerationRequest
    let staging: URL
    let pipeline: GenerationPipeline
    let progress: (@Sendable (Stage, Double) -> Void)?

    private func file(_ name: String) -> URL { staging.appendingPathComponent(name) }
    private func exists(_ names: String...) -> Bool {
        names.allSatisfy { FileManager.default.fileExists(atPath: file($0).path) }
    }

    func run(logger: Logger) async throws -> PublishedVideo {
        let templates = try TemplateLibrary.load(from: pipeline.workspace.templates)
        let timings = StageClock(file: file("work/stages.json"))
        let engines = try makeEngines(templates: templates, logger: logger)

        // 1–2. Script and virality score.
        let (script, choice) = try await timings.measure(.script, reused: exists("script.json", "virality.json")) {
            try await writeScript(engines: engines, logger: logger)
        } reuse: {
            (try JSONFiles.read(Script.self, from: file("script.json")),
             try JSONFiles.read(ScriptChoice.self, from: file("virality.json")))
        }
        try checkpoint(.images)

        // 3–4. Images and voice, at the same time (DESIGN §7).
        let template = templates.template(niche: request.niche, language: request.language)
        let imageNames = script.scenes.map { "images/" + ImageRenderer.fileName($0) }
        /// What the two branches give back.
        enum Made: Sendable {
            case visuals(ClipPlan, [SceneImage])
            case voice(VoiceTimings, [String: String])
        }
        // Clips first (the creator's library, stock searches), then pictures for the scenes no clip
        // covers; the voice runs beside both. The first failure cancels the other branch: a voice
        // that fails stops the paid pictures.
        let made = try await withThrowingTaskGroup(of: Made.self) { group in
            group.addTask {
                try checkpoint(.clips)
                let clipPlan = try await timings.measure(.clips, reused: exists("work/clips.json")) {
                    let plan = try await ClipStage(pipeline: pipeline, engines: request.engines ?? pipeline.engines, jobId: id, logger: logger)
                        .plan(script: script, request: request, templates: templates)
                    try FileManager.default.createDirectory(at: file("work"), withIntermediateDirectories: true)
                    try JSONFiles.write(plan, to: file("work/clips.json"))
                    return plan
                } reuse: {
                    try JSONFiles.read(ClipPlan.self, from: file("work/clips.json"))
                }
                let clipScenes = Set(clipPlan.scenes.filter { $0.clip != nil }.map(\.scene))
                let made = try await timings.measure(.images, reused: imageNames.allSatisfy { exists($0) } && exists("work/images.json")) {
                    let stage = ImageStage(
                        engine: engines.images, label: engines.settings.images.label,
                        rewriter: engines.promptRewriter, onFailure: engines.settings.onFailure,
                        renderer: ImageRenderer(ffmpeg: pipeline.tools.ffmpeg, fontFile: pipeline.tools.fontFile),
                        palette: template.palette, style: template.imageStyle,
                        assets: ImageRenderer.assets(in: pipeline.workspace.assets(niche: request.niche))
                            + ImageRenderer.assets(in: pipeline.workspace.assets(niche: template.niche)),
                        staging: staging, logger: logger)
                    let made = try await stage.run(scenes: script.scenes, shownAsClips: clipScenes)
                    try JSONFiles.write(made, to: file("work/images.json"))
                    return made
                } reuse: {
                    try JSONFiles.read([SceneImage].self, from: file("work/images.json"))
                }
                return .visuals(clipPlan, made)
            }
            group.addTask {
                try checkpoint(.voice)
                let spoken = try await timings.measure(
                    .voice, reused: exists("timings.json", "voice.mp3", "work/voice.wav", "work/voice-engines.json")
                ) {
                    let stage = VoiceStage(
                        engines: engines, ffmpeg: pipeline.tools.ffmpeg, staging: staging, language: request.language,
                        offlineVoice: request.voice == "default" ? request.language.defaultVoice : request.voice, logger: logger)
                    let (timings, voice, align) = try await stage.run(script)
                    try JSONFiles.write(["voice": voice, "align": align], to: file("work/voice-engines.json"))
                    return (timings, ["voice": voice, "align": align])
                } reuse: {
                    (try JSONFiles.read(VoiceTimings.self, from: file("timings.json")),
                     try JSONFiles.read([String: String].self, from: file("work/voice-engines.json")))
                }
                return .voice(spoken.0, spoken.1)
            }
            return try await group.reduce(into: [Made]()) { $0.append($1) }
        }
        guard case .visuals(var clipPlan, let sceneImages)? = made.first(where: { if case .visuals = $0 { true } else { false } }),
            case let .voice(voiceTimings, voiceEngines)? = made.first(where: { if case .voice = $0 { true } else { false } })
        else { throw CancellationError() }
        if !exists("video.mp4") {
            let before = clipPlan.warnings.count
            clipPlan = clipPlan.droppingMissingClips()
            for warning in clipPlan.warnings.dropFirst(before) {
                logger.warning("clip missing", metadata: ["problem": "\(warning)"])
            }
        }
        try checkpoint(.captions)

        // 5. Captions.
        try await timings.measure(.captions, reused: exists("captions.ass", "captions.srt")) {
            let chunks = CaptionChunk.chunks(from: voiceTimings.words, totalDuration: voiceTimings.durationSeconds)
            let writer = CaptionWriter()
            try Data(writer.ass(chunks: chunks).utf8).write(to: file("captions.ass"), options: .atomic)
            try Data(writer.srt(chunks: chunks).utf8).write(to: file("captions.srt"), options: .atomic)
        } reuse: {}
        try checkpoint(.render)

        // 6. Render.
        try await timings.measure(.render, reused: exists("video.mp4", "thumbnail.jpg")) {
            var plan = RenderPlan(
                images: imageNames, sceneStarts: voiceTimings.sceneStarts(sceneCount: script.scenes.count),
                durationSeconds: voiceTimings.durationSeconds, voice: "work/voice.wav", music: try musicFile(),
                captions: "captions.ass", output: "video.mp4", settings: pipeline.settings)
            plan.clips = await clipPlan.sceneClips(ffprobe: pipeline.tools.ffprobe)
            let reporter = RenderProgress(jobId: id, index: pipeline.index, progress: progress)
            try await VideoRenderer(ffmpeg: pipeline.tools.ffmpeg).render(plan, staging: staging) { reporter.report($0) }
        } reuse: {}
        try checkpoint(.record)

        // 7. Record, report, publish.
        let publisher = Publisher(videos: pipeline.workspace.videos)
        let destination = try publisher.freeDestination(
            for: Self.folderName(date: Date(), title: script.title, topic: request.topic, jobId: id))
        try await timings.measure(.record, reused: false) {
            try pipeline.index.record(
                video: videoRecord(script: script, choice: choice, voice: voiceTimings, folder: destination.path))
        } reuse: {}
        // Suggestions from the script's weak criteria and the learning index's insights. The
        // reports (niches, insights, dashboard) are refreshed once the video is published.
        let suggestions = try await timings.measure(.report, reused: false) {
            let insights = try pipeline.index.insights()
            return ImprovementAdvice.suggestions(for: choice.score, insights: insights, language: request.language)
        } reuse: { [String]() }
        let spend = try pipeline.index.usage(jobId: id)
        var report = GenerationReport(
            jobId: id, createdAt: Date(), request: request, template: script.template, score: choice.score,
            variants: choice.variants, chosenVariant: choice.chosenVariant, targets: choice.targets,
            durationSeconds: voiceTimings.durationSeconds, wordCount: voiceTimings.words.count,
            stageTimings: [], suggestions: suggestions, offlineScore: choice.offlineScore,
            engines: (choice.engines ?? [:]).merging(
                voiceEngines.merging(["images": SceneImage.summary(sceneImages)], uniquingKeysWith: { first, _ in first }),
                uniquingKeysWith: { first, _ in first }),
            spend: spend.isEmpty ? nil : spend, images: sceneImages)
        report.stageTimings = timings.entries
        report.clips = clipPlan
        report.engines?["clips"] = (request.engines ?? pipeline.engines).clips?.label ?? ClipsEngine.offline.label
        try JSONFiles.write(report, to: file("report.json"))
        try checkpoint(.publish)
        try? FileManager.default.removeItem(at: file("work"))
        // The destination is recorded before the rename: a run killed in between finds it.
        try pipeline.index.updateJob(id: id) { $0.output = destination.path }
        try publisher.publish(staging: staging, to: destination)
        return PublishedVideo(folder: destination, jobId: id, report: report)
    }

    /// The job's engines, each provider's usage recorded in the learning index as it happens.
    private func makeEngines(templates: TemplateLibrary, logger: Logger) throws -> JobEngines {
        let index = pipeline.index
        let jobId = id
        return try JobEngines(
            settings: request.engines ?? pipeline.engines, providers: pipeline.providers, templates: templates,
            language: request.language, niche: request.niche, ffmpeg: pipeline.tools.ffmpeg
        ) { usage in
            do { try index.record(usage: usage, jobId: jobId) } catch {
                Logger(label: "reelsmith.pipeline").error("provider usage not recorded", metadata: ["error": "\(error)"])
            }
        }
    }

    /// Marks the stage about to run in the jobs table and stops here if the task was cancelled.
    private func checkpoint(_ stage: Stage) throws {
        try Task.checkCancellation()
        progress?(stage, 0)
        try pipeline.index.updateJob(id: id) { $0.stage = stage.rawValue }
    }

    /// Writes the request's variants (concurrently; each checkpointed as it arrives), scores them
    /// all, and keeps the best. A provider that fails for good hands over to the offline engine
    /// (`on_failure: offline`) or fails the job (`fail`).
    private func writeScript(engines: JobEngines, logger: Logger) async throws -> (Script, ScriptChoice) {
        let insights = try pipeline.index.insights()
        let brief = ScriptBrief(
            request: request, targets: InsightSteering(insights: insights).targets(for: request),
            trends: (try? pipeline.index.trendHints(niche: request.niche)) ?? [],
            insights: insights.videoCount > 0 ? insights.recommendations[request.language] : [])
        try FileManager.default.createDirectory(at: file("work/scripts"), withIntermediateDirectories: true)

        let written = try await withThrowingTaskGroup(of: ScriptVariant.self) { group in
            for variant in 1...request.variants {
                group.addTask { try await writeVariant(variant, brief: brief, engines: engines, logger: logger) }
            }
            return try await group.reduce(into: []) { $0.append($1) }.sorted { $0.variant < $1.variant }
        }
        try FileManager.default.createDirectory(at: file("work/scores"), withIntermediateDirectories: true)
        let scored = try await withThrowingTaskGroup(of: ScoredVariant.self) { group in
            for variant in written {
                group.addTask { try await scoreVariant(variant, brief: brief, engines: engines, logger: logger) }
            }
            return try await group.reduce(into: [Int: ScoredVariant]()) { $0[$1.variant] = $1 }
        }
        // Model totals are compared with model totals only: when a variant's score fell back to
        // the rubric, every variant is compared on the rubric.
        let byModel = scored.values.allSatisfy(\.isModelScore)
        let fallback = scored.values.sorted { $0.variant < $1.variant }.first { !$0.isModelScore }?.engine
        func total(_ result: ScoredVariant) -> ViralityScore { byModel ? result.score : result.offlineScore }
        var best: (variant: ScriptVariant, result: ScoredVariant)?
        var variants: [GenerationReport.Variant] = []
        for variant in written {
            guard let result = scored[variant.variant] else { continue }
            variants.append(
                .init(
                    variant: variant.variant, total: total(result).total, offlineTotal: byModel ? result.offlineScore.total : nil,
                    title: variant.script.title))
            if best == nil || total(result).total > total(best!.result).total { best = (variant, result) }
        }
        guard let best else { throw CancellationError() }
        let choice = ScriptChoice(
            chosenVariant: best.variant.variant, score: total(best.result), offlineScore: byModel ? best.result.offlineScore : nil,
            variants: variants, targets: brief.targets,
            engines: ["script": best.variant.engine, "score": byModel ? best.result.engine : fallback ?? EngineChoice.offline.label])
        try JSONFiles.write(choice, to: file("virality.json"))
        try JSONFiles.write(best.variant.script, to: file("script.json"))
        return (best.variant.script, choice)
    }

    /// One variant's scores: read back from the checkpoint, or computed now and checkpointed.
    private func scoreVariant(
        _ variant: ScriptVariant, brief: ScriptBrief, engines: JobEngines, logger: Logger
    ) async throws -> ScoredVariant {
        let checkpoint = file("work/scores/variant-\(variant.variant).json")
        if let saved = try? JSONFiles.read(ScoredVariant.self, from: checkpoint) { return saved }
        let offline = try await engines.offlineScorer.score(variant.script, brief: brief)
        let (score, engine, byProvider) = try await fallingBack(
            stage: "score", engines: engines, logger: logger,
            primary: { try await engines.scorer.score(variant.script, brief: brief) }, offline: { offline })
        let scored = ScoredVariant(variant: variant.variant, engine: engine, isModelScore: byProvider, score: score, offlineScore: offline)
        try JSONFiles.write(scored, to: checkpoint)
        return scored
    }

    /// One variant: read back from its checkpoint, or written now and checkpointed.
    private func writeVariant(_ variant: Int, brief: ScriptBrief, engines: JobEngines, logger: Logger) async throws -> ScriptVariant {
        let checkpoint = file("work/scripts/variant-\(variant).json")
        if let saved = try? JSONFiles.read(ScriptVariant.self, from: checkpoint) { return saved }
        let (script, engine, _) = try await fallingBack(
            stage: "script", engines: engines, logger: logger,
            primary: { try await engines.scriptWriter.write(brief, variant: variant) },
            offline: { try await engines.offlineWriter.write(brief, variant: variant) })
        let written = ScriptVariant(variant: variant, engine: engine, script: script)
        try JSONFiles.write(written, to: checkpoint)
        return written
    }

    /// Runs the stage's chosen engine; when a provider fails for good and `on_failure` is
    /// `offline`, runs the offline engine and says so in the engine's label.
    private func fallingBack<Value: Sendable>(
        stage: String, engines: JobEngines, logger: Logger, primary: () async throws -> Value,
        offline: () async throws -> Value
    ) async throws -> (Value, engine: String, byProvider: Bool) {
        let choice = stage == "script" ? engines.settings.script : engines.settings.score
        guard choice != .offline else { return (try await offline(), EngineChoice.offline.label, false) }
        do {
            return (try await primary(), choice.label, true)
        } catch let error as ProviderError where engines.settings.onFailure == .offline {
            logger.warning("provider failed, using the offline engine", metadata: ["stage": "\(stage)", "error": "\(error)"])
            return (try await offline(), "offline (fallback: \(error.problem))", false)
        }
    }

    private func musicFile() throws -> String? {
        guard let name = request.music else { return nil }
        let folder = pipeline.workspace.music
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        guard let match = names.sorted().first(where: { ($0 as NSString).deletingPathExtension == name }) else {
            throw InputError(
                .invalidValue(key: "music"), file: "request.yaml", problem: "no music named `\(name)` in templates/music/",
                fix: "add the file or write `music: none`")
        }
        return folder.appendingPathComponent(match).path
    }

    private func videoRecord(script: Script, choice: ScriptChoice, voice: VoiceTimings, folder: String) throws -> VideoRecord {
        let score = choice.score
        let hashtags = String(decoding: try JSONEncoder().encode(script.hashtags), as: UTF8.self)
        return VideoRecord(
            id: id, niche: request.niche, topic: request.topic, title: script.title, language: request.language.rawValue,
            viralityScore: score.total, durationSeconds: (voice.durationSeconds * 100).rounded() / 100,
            hookLength: ScriptText.wordCount(script.hook), hashtagCount: script.hashtags.count,
            hasCta: !script.callToAction.isEmpty, description: script.description, hashtags: hashtags, folder: folder,
            tiktokId: nil, isExternal: false, createdAt: Date(), scoreEngine: choice.engines?["score"] ?? EngineChoice.offline.label,
            offlineViralityScore: choice.offlineScore?.total)
    }

    static func folderName(date: Date, title: String, topic: String?, jobId: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone.current
        formatter.dateFormat = "yyyy-MM-dd"
        return "\(formatter.string(from: date))-\(Slug.make(topic ?? title, maximumLength: 32))-\(jobId.prefix(8))"
    }
}
