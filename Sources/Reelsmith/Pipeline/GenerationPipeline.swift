import Foundation
import Logging
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// Request → video (DESIGN §2). Each stage writes its product into the job's staging folder under
/// the state directory and is skipped when that product exists, so a crash or a restart resumes
/// instead of paying twice. The finished folder is renamed into `outbox/videos/` in one step.
package struct GenerationPipeline: Sendable {
    package let workspace: Workspace
    package let tools: Tools
    package let index: LearningIndex
    package var settings: RenderSettings
    /// The engines of `reelsmith.yaml`; a request's own `engines:` override them.
    package var engines: EngineSettings
    /// The configured providers' clients, shared by every job of the process.
    package let providers: ProviderClients
    /// The dashboard's language (`language:` in `reelsmith.yaml`); nil: the most common request language.
    package var reportLanguage: Language?
    /// `learning.calibrate_score` (issue 23): best-of-N may rank by this creator's validated weights.
    package var calibratesScore = true
    package let logger: Logger

    package init(
        workspace: Workspace, tools: Tools = Tools(), index: LearningIndex, settings: RenderSettings = RenderSettings(),
        engines: EngineSettings = EngineSettings(), providers: ProviderClients = ProviderClients([])
    ) {
        self.workspace = workspace
        self.tools = tools
        self.index = index
        self.settings = settings
        self.engines = engines
        self.providers = providers
        self.logger = Logger(label: "reelsmith.pipeline")
    }

    /// A pipeline with everything `configuration` sets: tools, render settings, engines, providers.
    package init(workspace: Workspace, configuration: Configuration, index: LearningIndex) {
        self.init(
            workspace: workspace, tools: configuration.tools, index: index, settings: configuration.render,
            engines: configuration.engines, providers: ProviderClients(configuration.providers))
        reportLanguage = configuration.language
        calibratesScore = configuration.learning.calibratesScore
    }

    /// After a job: its criteria and stage times into the index, then the reports. The video is
    /// published whatever happens here; a failure is logged.
    private func refreshReports(jobId: String, report: GenerationReport?, logger: Logger) {
        do {
            if let report { try index.recordDashboardFacts(jobId: jobId, report: report) }
            try publishReports()
        } catch {
            logger.error("cannot write the reports", metadata: ["error": "\(error)"])
        }
    }

    /// Rewrites `outbox/reports/` (niches, insights, dashboard): the index changed.
    @discardableResult
    package func publishReports(asOf day: CalendarDay? = nil) throws -> [URL] {
        try scoreBackCatalogue()
        var reports = LearningReports(index: index, outbox: workspace.outbox, language: reportLanguage)
        reports.music = musicLibrary()
        return try reports.publish(asOf: day)
    }

    /// Scores the captions of external videos not yet scored by the current rubric (issue 23): the
    /// reports then count them. Without readable templates (no lexicons) nothing is scored.
    @discardableResult
    package func scoreBackCatalogue() throws -> BackCatalogueScoring {
        guard try index.needsBackCatalogueScoring(rubricVersion: RubricCaptionScorer.version),
            let templates = try? TemplateLibrary.load(from: workspace.templates)
        else { return BackCatalogueScoring() }
        return try index.scoreBackCatalogue(with: RubricCaptionScorer(templates: templates))
    }

    /// Names under `templates/music/` usable as `music:` values.
    package func musicLibrary() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: workspace.music.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.map { ($0 as NSString).deletingPathExtension }.sorted()
    }

    /// The job id of a request file's content: the same bytes resume the same staging folder.
    package static func jobId(forContent data: Data) -> String { String(SHA256.hex(data).prefix(12)) }

    /// Runs every stage for a request file and publishes the result.
    /// - Parameter progress: called with the running stage and, during the render, its fraction done.
    package func run(
        requestFile: URL, displayName: String? = nil,
        progress: (@Sendable (Stage, Double) -> Void)? = nil
    ) async throws -> PublishedVideo {
        let name = displayName ?? requestFile.path
        let data = try InputError.readFile(requestFile, displayName: name)
        let request = try GenerationRequest.decode(
            data: data, displayName: name, musicLibrary: musicLibrary(), voiceExists: OfflineVoiceChoice.voiceExists,
            engines: engines, providers: providers.kinds)
        let jobId = Self.jobId(forContent: data)
        let job = GenerationJob(
            id: jobId, request: request, staging: workspace.staging.appendingPathComponent(jobId),
            pipeline: self, progress: progress)
        var logger = logger
        logger[metadataKey: "job"] = "\(jobId)"
        logger[metadataKey: "file"] = "\(name)"
        if let published = try alreadyPublished(jobId: jobId, staging: job.staging) {
            logger.info("already published", metadata: ["folder": "\(published.folder.path)"])
            return published
        }
        _ = try index.startJob(id: jobId, kind: "request", input: name, contentHash: SHA256.hex(data))
        do {
            try FileManager.default.createDirectory(at: job.staging, withIntermediateDirectories: true)
            let requestCopy = job.staging.appendingPathComponent("request.yaml")
            if !FileManager.default.fileExists(atPath: requestCopy.path) {
                try data.write(to: requestCopy, options: .atomic)
            }
            logger.info(
                "generating", metadata: ["niche": "\(request.niche)", "language": "\(request.language.rawValue)"])
            let published = try await job.run(logger: logger)
            try index.updateJob(id: jobId) {
                $0.state = .published
                $0.stage = Stage.publish.rawValue
                $0.progress = 1
                $0.output = published.folder.path
            }
            logger.info("published", metadata: ["folder": "\(published.folder.path)"])
            // The dashboard counts the job as published and shows the video's criteria and times.
            refreshReports(jobId: jobId, report: published.report, logger: logger)
            return published
        } catch {
            if error is CancellationError || Task.isCancelled {
                // Stopped at a checkpoint: the finished stages stay in staging for the next run.
                try? index.updateJob(id: jobId) { $0.state = .queued }
                logger.info("stopped at a checkpoint")
                throw CancellationError()
            }
            let message = "\(error)"
            try? index.updateJob(id: jobId) {
                $0.state = .failed
                $0.error = message
            }
            refreshReports(jobId: jobId, report: nil, logger: logger)
            throw error
        }
    }

    /// The same request (same bytes) whose folder is already in the outbox — published by an
    /// earlier run, perhaps one killed right after the rename — is never published twice. The
    /// job records its destination before the rename, so the folder is found either way.
    private func alreadyPublished(jobId: String, staging: URL) throws -> PublishedVideo? {
        guard let job = try index.job(id: jobId), let output = job.output,
            !FileManager.default.fileExists(atPath: staging.path)
        else { return nil }
        let folder = URL(fileURLWithPath: output)
        guard
            let report = try? JSONFiles.read(GenerationReport.self, from: folder.appendingPathComponent("report.json"))
        else { return nil }
        if job.state != .published {
            try index.updateJob(id: jobId) {
                $0.state = .published
                $0.progress = 1
            }
            // Killed between the rename and the reports: finish what the run would have done.
            refreshReports(jobId: jobId, report: report, logger: logger)
        }
        return PublishedVideo(folder: folder, jobId: jobId, report: report, wasPublishedBefore: true)
    }
}
