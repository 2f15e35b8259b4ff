import Foundation

/// Routes one inbox file to the pipeline of its kind (DESIGN §1–2). The one entry point shared by
/// `reelsmith process` and the daemon.
public struct InboxProcessor: Sendable {
    public let generation: GenerationPipeline
    var workspace: Workspace { generation.workspace }
    var index: LearningIndex { generation.index }

    /// The day trends without a date and analytics rows without one are counted on; nil means today.
    public var ingestDay: CalendarDay?

    public init(generation: GenerationPipeline, ingestDay: CalendarDay? = nil) {
        self.generation = generation
        self.ingestDay = ingestDay
    }

    /// - Parameters:
    ///   - folder: the inbox folder the file came from (`requests`, `trends`, `analytics`) when the
    ///     file has been moved since; by default its parent folder.
    ///   - publishesReports: whether a trends or analytics file rewrites `outbox/reports/` at once;
    ///     the daemon defers it during a burst and calls ``publishReports()`` when the burst is over.
    public func process(
        file: URL, displayName: String? = nil, folder: String? = nil, publishesReports: Bool = true,
        progress: (@Sendable (Stage, Double) -> Void)? = nil
    ) async throws -> ProcessOutcome {
        let name = displayName ?? file.path
        let data = try InputError.readFile(file, displayName: name)
        switch try InputKind.detect(file: file, data: data, displayName: name, folder: folder) {
        case .request:
            let published = try await generation.run(requestFile: file, displayName: name, progress: progress)
            return ProcessOutcome(
                kind: .request,
                summary: (published.wasPublishedBefore ? "video already published, not made again (score " : "video published (score ")
                    + "\(published.report.score.total)/100, "
                    + String(format: "%.1f s", published.report.durationSeconds) + ")",
                output: published.folder)
        case .trends:
            return try processTrends(data: data, displayName: name, publishesReports: publishesReports)
        case .analytics:
            return try processAnalytics(data: data, file: file, displayName: name, publishesReports: publishesReports)
        }
    }

    /// Trends → niches (DESIGN §2): store the trends, recompute every niche, publish the reports.
    /// Rewrites `outbox/reports/niches.json`, `insights.json` and `dashboard.html` from the learning index.
    @discardableResult
    public func publishReports() throws -> [URL] {
        try generation.publishReports(asOf: ingestDay ?? .today())
    }

    func processTrends(data: Data, displayName: String, publishesReports: Bool = true) throws -> ProcessOutcome {
        let day = ingestDay ?? .today()
        let file = try TrendsFile.decode(data: data, displayName: displayName, ingestDay: day)
        let result = try index.ingest(trends: file.trends, sourceFile: displayName, today: day)
        let reports = publishesReports ? try publishReports() : []
        let best = result.niches.first.map { ", best: \($0.name) " + String(format: "%.1f", $0.profitabilityScore) } ?? ""
        return ProcessOutcome(
            kind: .trends,
            summary: "\(file.trends.count) trends stored (\(result.added) new, \(result.updated) updated); "
                + "\(result.niches.count) niches ranked\(best)",
            output: reports.first)
    }

    /// Analytics → learning (DESIGN §2): record the good rows in one transaction, list the bad
    /// ones, recompute the niches and publish the reports.
    func processAnalytics(
        data: Data, file: URL, displayName: String, publishesReports: Bool = true
    ) throws -> ProcessOutcome {
        let day = ingestDay ?? .today()
        let isYAML = ["yaml", "yml"].contains(file.pathExtension.lowercased())
        let analytics = try AnalyticsFile.decode(data: data, file: displayName, isYAML: isYAML, ingestDay: day)
        let vocabulary = NicheVocabulary.from(
            templates: try? TemplateLibrary.load(from: workspace.templates), knownNiches: try index.knownNiches())
        let result = try index.importAnalytics(analytics, sourceFile: displayName, ingestDay: day, vocabulary: vocabulary)
        if result.applied == 0, !result.problems.isEmpty {
            // Nothing was used: a failure, not an import with remarks.
            throw InputError(
                .invalidValue(key: "rows"), file: displayName,
                problem: "none of its \(result.problems.count) rows could be used",
                fix: "fix the rows below and drop the file again:\n" + RowProblem.listing(result.problems.map(\.description)))
        }
        let reports = publishesReports ? try publishReports() : []
        var parts = ["\(result.applied) rows recorded (\(result.newSnapshots) new snapshots)"]
        if analytics.format == .tiktokContent {
            parts.append(
                "\(result.linkedByTikTokId) linked by TikTok id, \(result.linkedByCaption) by caption, "
                    + "\(result.external) external, \(result.ambiguous) ambiguous")
        }
        if !result.problems.isEmpty { parts.append("\(result.problems.count) row problems listed") }
        let format = analytics.format == .tiktokContent ? "TikTok export" : analytics.format == .yaml ? "YAML" : "CSV"
        return ProcessOutcome(
            kind: .analytics, summary: "analytics (\(format)): " + parts.joined(separator: "; "), output: reports.last,
            problems: result.problems.map(\.description))
    }
}
