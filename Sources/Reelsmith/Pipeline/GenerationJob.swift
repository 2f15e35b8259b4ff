import Foundation
import Logging
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// One request's run through the stages (DESIGN §2), inside its staging folder. Each stage is a
/// ``JobStep`` that owns its checkpoint, so a resumed job pays only for what is missing.
package struct GenerationJob: Sendable {
    package let id: String
    package let request: GenerationRequest
    package let staging: URL
    package let pipeline: GenerationPipeline
    package let progress: (@Sendable (Stage, Double) -> Void)?

    package func run(logger: Logger) async throws -> PublishedVideo {
        let context = try makeContext(logger: logger)
        let timings = StageClock(file: context.file("work/stages.json"))
        let steps = StepRunner(context: context, timings: timings, progress: progress)

        // 1–2. Script and virality score.
        let written = try await steps.run(ScriptStep(context: context))
        let script = written.script
        // 3–4. Clips, then pictures for the scenes no clip covers; the voice beside both.
        let ((clipPlan, images), voice) = try await StepRunner.both(
            {
                let clips = try await steps.run(ClipsStep(context: context, script: script))
                let shownAsClips = Set(clips.scenes.filter { $0.clip != nil }.map(\.scene))
                return (
                    clips, try await steps.run(ImagesStep(context: context, script: script, shownAsClips: shownAsClips))
                )
            },
            { try await steps.run(VoiceStep(context: context, script: script)) })
        let clips = context.exists(["video.mp4"]) ? clipPlan : Self.droppingMissingClips(clipPlan, logger: logger)
        // 5–6. Captions, render.
        try await steps.run(CaptionsStep(context: context, timings: voice.timings))
        try await steps.run(
            RenderStep(context: context, script: script, clips: clips, timings: voice.timings, progress: progress))
        // 7. Record, report, publish.
        let publisher = Publisher(videos: pipeline.workspace.videos)
        let destination = try publisher.freeDestination(
            for: Self.folderName(date: Date(), title: script.title, topic: request.topic, jobId: id))
        try await steps.run(RecordStep(context: context, written: written, timings: voice.timings, folder: destination))
        let suggestions = try await steps.run(SuggestionsStep(context: context, score: written.choice.score))
        let report = GenerationReport(
            context: context, written: written, clips: clips, images: images, voice: voice, suggestions: suggestions,
            spend: try pipeline.index.usage(jobId: id), stageTimings: timings.entries)
        try JSONFiles.write(report, to: context.file("report.json"))
        try steps.checkpoint(.publish)
        try? FileManager.default.removeItem(at: context.file("work"))
        // The destination is recorded before the rename: a run killed in between finds it.
        try pipeline.index.updateJob(id: id) { $0.output = destination.path }
        try publisher.publish(staging: staging, to: destination)
        return PublishedVideo(folder: destination, jobId: id, report: report)
    }

    /// The job's context: its templates and engines, each provider's usage recorded in the
    /// learning index as it happens.
    private func makeContext(logger: Logger) throws -> JobContext {
        let templates = try TemplateLibrary.load(from: pipeline.workspace.templates)
        let template = templates.template(niche: request.niche, language: request.language)
        let index = pipeline.index
        let jobId = id
        let factory = EngineFactory(
            providers: pipeline.providers, ffmpeg: pipeline.tools.ffmpeg,
            clipCache: StockClipCache(state: pipeline.workspace.state)
        ) { usage in
            do { try index.record(usage: usage, jobId: jobId) } catch {
                Logger(label: "reelsmith.pipeline").error(
                    "provider usage not recorded", metadata: ["error": "\(error)"])
            }
        }
        let settings = request.engines ?? pipeline.engines
        let voice = OfflineVoiceChoice(
            requestVoice: request.voice, language: request.language, options: settings.offlineVoice)
        var renderer = ImageRenderer(ffmpeg: pipeline.tools.ffmpeg, fontFile: pipeline.tools.fontFile)
        renderer.niche = template.niche
        renderer.stopwords = templates.foldedStopwordsOfEveryLanguage
        renderer.shotSeconds = pipeline.settings.shotSeconds
        renderer.language = request.language
        let offline = EngineFactory.OfflineInputs(
            templates: templates, language: request.language, niche: request.niche, offlineVoice: voice.espeak,
            renderer: renderer,
            assets: ImageRenderer.assets(in: pipeline.workspace.assets(niche: request.niche))
                + ImageRenderer.assets(in: pipeline.workspace.assets(niche: template.niche)), piper: voice.piper)
        return JobContext(
            id: id, request: request, staging: staging, pipeline: pipeline, templates: templates,
            engines: try factory.engines(settings, for: offline), logger: logger)
    }

    /// Before a render, a clip deleted since the plan was made gives its scene back to the still.
    private static func droppingMissingClips(_ plan: ClipPlan, logger: Logger) -> ClipPlan {
        let checked = plan.droppingMissingClips()
        for warning in checked.warnings.dropFirst(plan.warnings.count) {
            logger.warning("clip missing", metadata: ["problem": "\(warning)"])
        }
        return checked
    }

    package static func folderName(date: Date, title: String, topic: String?, jobId: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone.current
        formatter.dateFormat = "yyyy-MM-dd"
        return "\(formatter.string(from: date))-\(Slug.make(topic ?? title, maximumLength: 32))-\(jobId.prefix(8))"
    }
}
