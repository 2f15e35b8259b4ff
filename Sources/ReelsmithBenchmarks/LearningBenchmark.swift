import Foundation
import GRDB
import HeadlessChromium
import LocalProviderServer
import Reelsmith
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// `reelsmith bench learning`: ingests a generated analytics CSV through the same processor as
/// `reelsmith process` (parse, validate, one transaction, niches, reports) and recomputes the
/// niches over a large trends table, in a temp project folder.
package struct LearningBenchmark: Sendable {
    package struct Row: Sendable {
        package var name: String
        package var seconds: Double
        package var detail: String
    }

    package let templates: URL

    package init(templates: URL) {
        self.templates = templates
    }

    package func run(analyticsRows: Int, videos: Int, trends: Int, niches: Int) async throws -> [Row] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reelsmith-bench-learning-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let workspace = Workspace(root: root, templates: templates)
        let index = try LearningIndex(url: workspace.indexFile)
        let processor = InboxProcessor(generation: GenerationPipeline(workspace: workspace, index: index))
        var rows: [Row] = []

        let nicheNames = (0..<max(1, niches)).map { "niche\($0)" }
        let ids = (0..<max(1, videos)).map { String(format: "%012x", 0xbe00_0000_0000 + $0) }
        try await index.database.write { db in
            for (offset, id) in ids.enumerated() {
                let video = VideoRecord(
                    id: id, niche: nicheNames[offset % nicheNames.count], topic: nil, title: "Video \(offset)",
                    language: "en",
                    viralityScore: 40 + offset % 60, durationSeconds: Double(15 + offset % 90),
                    hookLength: 4 + offset % 10,
                    hashtagCount: 1 + offset % 8, hasCta: offset % 3 != 0,
                    description: "Caption \(offset) #tag\(offset % 8)",
                    hashtags: "[\"#tag\(offset % 8)\"]", folder: nil, tiktokId: nil, isExternal: false,
                    createdAt: Date())
                try video.insert(db)
                try LearningDataRecord.features(of: video).saveFeatures(db)
            }
        }

        let today = CalendarDay.today()
        var csv = "video_id,views,likes,shares,comments,revenue,date\n"
        csv.reserveCapacity(analyticsRows * 56)
        for row in 0..<analyticsRows {
            let views = 500 + (row &* 7919) % 200_000
            let day = today.adding(days: -(row / ids.count) % 28)
            csv +=
                "\(ids[row % ids.count]),\(views),\(views / 12),\(views / 90),\(views / 150),\(Double(views % 1000) / 100),\(day)\n"
        }
        let file = workspace.inbox.appendingPathComponent("analytics/bench.csv")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(csv.utf8).write(to: file)

        let parseStart = Date()
        let parsed = try AnalyticsFile.decode(data: Data(csv.utf8), file: "bench.csv", isYAML: false, ingestDay: today)
        rows.append(
            Row(
                name: "  of which parse+validate", seconds: Date().timeIntervalSince(parseStart),
                detail: "\(parsed.rows.count) rows read and checked, nothing written (measured apart)"))

        let start = Date()
        let outcome = try await processor.process(file: file)
        let elapsed = Date().timeIntervalSince(start)
        rows.insert(
            Row(
                name: "analytics CSV ingest", seconds: elapsed,
                detail:
                    "\(analyticsRows) rows (\(String(format: "%.1f", Double(csv.utf8.count) / 1_048_576)) MiB) over "
                    + "\(ids.count) videos: parse, validate, one transaction, niches, niches.json + insights.json + dashboard.html; "
                    + outcome.summary), at: 0)
        let reportsStart = Date()
        try LearningReports(index: index, outbox: workspace.outbox).publish(asOf: today)
        rows.append(
            Row(
                name: "  of which reports", seconds: Date().timeIntervalSince(reportsStart),
                detail:
                    "niches.json + insights.json (Spearman over \(ids.count) videos) + dashboard.html, measured again apart"
            ))

        let trendRows = (0..<trends).map { number in
            TrendsFile.Trend(
                title: "Trend \(number)", url: nil, views: (number &* 7919) % 500_000,
                engagement: (number &* 104_729) % 60_000,
                niche: nicheNames[number % nicheNames.count], date: today.adding(days: -(number % 30)))
        }
        let ingestStart = Date()
        _ = try index.ingest(trends: trendRows, sourceFile: "bench.yaml", today: today)
        rows.append(
            Row(
                name: "trends insert + niches", seconds: Date().timeIntervalSince(ingestStart),
                detail: "\(trends) trends in one transaction, then the niches"))
        let recomputeStart = Date()
        let ranked = try index.recomputeNiches(today: today)
        rows.append(
            Row(
                name: "niche recomputation", seconds: Date().timeIntervalSince(recomputeStart),
                detail: "\(ranked.count) niches over \(trends) trends and \(ids.count) videos (SQL aggregates)"))
        return rows
    }
}
