import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// Routes one inbox file to the pipeline of its kind (DESIGN §1–2). The one entry point shared by
/// `reelsmith process` and the daemon.
package struct InboxProcessor: Sendable {
    package let generation: GenerationPipeline
    package var workspace: Workspace { generation.workspace }
    package var index: LearningIndex { generation.index }

    /// The day trends without a date and analytics rows without one are counted on; nil means today.
    package var ingestDay: CalendarDay?

    package init(generation: GenerationPipeline, ingestDay: CalendarDay? = nil) {
        self.generation = generation
        self.ingestDay = ingestDay
    }

    /// - Parameters:
    ///   - folder: the inbox folder the file came from (`requests`, `trends`, `analytics`) when the
    ///     file has been moved since; by default its parent folder.
    ///   - publishesReports: whether a trends or analytics file rewrites `outbox/reports/` at once;
    ///     the daemon defers it during a burst and calls ``publishReports()`` when the burst is over.
    package func process(
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
                summary: (published.wasPublishedBefore
                    ? "video already published, not made again (score " : "video published (score ")
                    + "\(published.report.score.total)/100, "
                    + String(format: "%.1f s", published.report.durationSeconds) + ")",
                output: published.folder)
        case .trends:
            return try processTrends(data: data, displayName: name, publishesReports: publishesReports)
        case .analytics:
            return try processAnalytics(data: data, file: file, displayName: name, publishesReports: publishesReports)
        }
    }

    /// Rewrites `outbox/reports/niches.json`, `insights.json` and `dashboard.html` from the learning
    /// index; the insights' window ends on the newest analytics day in the index (issue 11).
    @discardableResult
    package func publishReports() throws -> [URL] {
        try generation.publishReports()
    }

    func processTrends(data: Data, displayName: String, publishesReports: Bool = true) throws -> ProcessOutcome {
        let day = ingestDay ?? .today()
        let file = try TrendsFile.decode(data: data, displayName: displayName, ingestDay: day)
        let result = try index.ingest(trends: file.trends, sourceFile: displayName, today: day)
        let reports = publishesReports ? try publishReports() : []
        let best =
            result.niches.first.map { ", best: \($0.name) " + String(format: "%.1f", $0.profitabilityScore) } ?? ""
        return ProcessOutcome(
            kind: .trends,
            summary:
                "\(Plural.count(file.trends.count, "trend")) stored (\(result.added) new, \(result.updated) updated); "
                + "\(Plural.count(result.niches.count, "niche")) ranked\(best)",
            output: reports.first)
    }

    /// Analytics → learning (DESIGN §2): record the good rows in one transaction, list the bad
    /// ones, recompute the niches and publish the reports.
    func processAnalytics(
        data: Data, file: URL, displayName: String, publishesReports: Bool = true
    ) throws -> ProcessOutcome {
        let day = ingestDay ?? .today()
        let isYAML = ["yaml", "yml"].contains(file.pathExtension.lowercased())
        let fileTime = try? FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date
        let analytics = try AnalyticsFile.decode(data: data, file: displayName, isYAML: isYAML, ingestDay: day)
            .datingShares(fileTime: fileTime)
        let vocabulary = NicheVocabulary.from(
            templates: try? TemplateLibrary.load(from: workspace.templates), knownNiches: try index.knownNiches())
        guard !analytics.parts.isEmpty else {
            let imported = try importAnalytics(analytics, displayName: displayName, day: day, vocabulary: vocabulary)
            let reports = publishesReports ? try publishReports() : []
            return ProcessOutcome(
                kind: .analytics, summary: imported.summary, output: reports.last, problems: imported.problems)
        }
        // A zip of TikTok Studio's export (issue 11): each of its files imported as if dropped loose, one line apiece.
        var lines: [String] = []
        var problems: [String] = []
        var usable = 0
        for part in analytics.parts {
            do {
                let imported = try importAnalytics(
                    part.result.get(), displayName: part.file, day: day, vocabulary: vocabulary)
                lines.append("\(part.file): \(imported.summary)")
                problems += imported.problems
                usable += 1
            } catch let error as InputError {
                lines.append("\(part.file): not read: \(error.problem)")
                problems.append(error.description)
            }
        }
        if usable == 0 {
            throw InputError(
                .invalidValue(key: "rows"), file: displayName, problem: "none of the files in this zip could be used",
                fix: "fix them as below and drop the zip again:\n" + RowProblem.listing(problems))
        }
        let reports = publishesReports ? try publishReports() : []
        return ProcessOutcome(
            kind: .analytics,
            summary: "zip of \(Plural.count(analytics.parts.count, "file")), \(usable) imported:\n"
                + lines.map { "  \($0)" }.joined(separator: "\n"),
            output: reports.last, problems: problems)
    }

    /// Records one decoded analytics file (not a zip) and says what it gave; a file none of whose
    /// rows could be used throws.
    private func importAnalytics(
        _ analytics: AnalyticsFile, displayName: String, day: CalendarDay, vocabulary: NicheVocabulary
    ) throws -> (summary: String, problems: [String]) {
        let result = try index.importAnalytics(
            analytics, sourceFile: displayName, ingestDay: day, vocabulary: vocabulary)
        let isAccount = result.account != nil
        if let failure = result.nothingUsed(displayName: displayName) { throw failure }
        var parts =
            isAccount
            ? [Self.accountSummary(result, export: analytics.account!.export)] : [Self.snapshotSummary(result)]
        if analytics.format == .tiktokContent { parts += Self.linkSummary(result) }
        if result.skippedCells > 0 {
            parts.append(Plural.count(result.skippedCells, "cell") + " without a value (`undefined` or empty) skipped")
        }
        if !result.problems.isEmpty { parts.append(Plural.count(result.problems.count, "row problem") + " listed") }
        let format =
            switch analytics.format {
            case .tiktokContent: "TikTok Studio Content.csv"
            case .tiktokAccount: "TikTok Studio \(analytics.account!.export.rawValue)"
            case .yaml: "YAML"
            case .reelsmithCSV: "CSV"
            }
        return ("analytics (\(format)): " + parts.joined(separator: "; "), result.problems.map(\.description))
    }

    /// "15 rows recorded (2 new snapshots, 13 updated)", and rows an older export did not change.
    static func snapshotSummary(_ result: AnalyticsImport) -> String {
        var counts: [String] = []
        if result.newSnapshots > 0 || (result.updated == 0 && result.unchanged == 0) {
            counts.append(Plural.count(result.newSnapshots, "new snapshot"))
        }
        if result.updated > 0 { counts.append("\(result.updated) updated") }
        if result.unchanged > 0 { counts.append("\(result.unchanged) already there") }
        var text = Plural.count(result.applied, "row") + " recorded (" + counts.joined(separator: ", ") + ")"
        if result.keptNewer > 0 {
            text +=
                "; " + Plural.count(result.keptNewer, "row") + " older than the numbers already recorded for that day, "
                + "which were kept"
        }
        return text
    }

    /// How a TikTok export's rows found their videos: ours (by id or caption), external (known or new), ambiguous.
    static func linkSummary(_ result: AnalyticsImport) -> [String] {
        var parts: [String] = []
        let ours = result.linkedByTikTokId + result.linkedByCaption
        if ours > 0 {
            parts.append(
                "\(ours) of our videos (\(result.linkedByTikTokId) known by TikTok id, "
                    + "\(result.linkedByCaption) linked by caption)")
        }
        if result.external > 0 {
            parts.append(
                Plural.count(result.external, "external video")
                    + " (\(result.knownExternal) already known, \(result.newExternal) new)")
        }
        if result.ambiguous > 0 { parts.append("\(result.ambiguous) ambiguous, not recorded") }
        return parts
    }

    /// "60 days (58 new, 2 updated)" for a daily file, hours for follower activity, shares for the audience.
    static func accountSummary(_ result: AnalyticsImport, export: TikTokExport) -> String {
        let counts = result.account ?? AccountImportCounts()
        let total = counts.new + counts.updated + counts.unchanged + counts.keptNewer
        let noun: String =
            switch export {
            case .followerActivity: "hour of follower activity"
            case .followerGender: "gender share"
            case .followerTopTerritories: "territory share"
            case .followerHistory: "day of follower history"
            case .viewers: "day of viewers"
            default: "day of account totals"
            }
        // Real exports of small accounts: FollowerActivity, FollowerGender and FollowerTopTerritories
        // come with their header only (issue 11).
        if total == 0, [.followerActivity, .followerGender, .followerTopTerritories].contains(export) {
            return "no rows: TikTok Studio leaves this file empty until the account has more followers (about 100)"
        }
        let plural = noun.replacingOccurrences(of: "hour ", with: "hours ").replacingOccurrences(
            of: "day ", with: "days ")
        var details: [String] = []
        if counts.new > 0 || total == 0 { details.append("\(counts.new) new") }
        if counts.updated > 0 { details.append("\(counts.updated) updated") }
        if counts.unchanged > 0 { details.append("\(counts.unchanged) already there") }
        if counts.keptNewer > 0 { details.append("\(counts.keptNewer) older than the numbers kept") }
        return Plural.count(total, noun, noun.hasSuffix("share") ? noun + "s" : plural) + " ("
            + details.joined(separator: ", ") + ")"
    }
}
