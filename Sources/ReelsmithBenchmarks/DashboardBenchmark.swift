import Foundation
import GRDB
import HeadlessChromium
import LocalProviderServer
import Reelsmith
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// `reelsmith bench dashboard` (issue 10): an index with many videos (folders, criteria, stage
/// times) and analytics rows ingested through the same processor as `reelsmith process`; then
/// the dashboard is written several times (read, draw, atomic write) and loaded in a real
/// headless Chromium, which reports when the page's script has run and how long a sort takes.
package struct DashboardBenchmark: Sendable {
    package struct Row: Sendable {
        package var name: String
        package var value: String
        package var detail: String
    }

    package let templates: URL

    package init(templates: URL) {
        self.templates = templates
    }

    package func run(videos: Int, analyticsRows: Int, niches: Int, repeats: Int = 5, browser: Bool = true) async throws
        -> [Row]
    {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reelsmith-bench-dashboard-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let workspace = Workspace(root: root, templates: templates)
        let index = try LearningIndex(url: workspace.indexFile)
        let pipeline = GenerationPipeline(workspace: workspace, index: index)
        let processor = InboxProcessor(generation: pipeline)
        var rows: [Row] = []

        let nicheNames = (0..<max(1, niches)).map { "niche \($0)" }
        let ids = (0..<max(1, videos)).map { String(format: "%012x", 0xda00_0000_0000 + $0) }
        let now = Date()
        try await index.database.write { db in
            for (offset, id) in ids.enumerated() {
                let created = now.addingTimeInterval(-Double(offset) * 600)
                // Titles as long as a model writes them (60–100 characters, half in French with
                // accents) and folders named as a job names them (up to 52 characters).
                let niche = nicheNames[offset % nicheNames.count]
                let title = String(
                    (offset % 2 == 0
                        ? "\(offset % 9 + 3) things nobody tells you about \(niche): what I learned after \(offset % 90 + 7) days of doing it every morning"
                        : "Les \(offset % 9 + 3) erreurs que tout le monde fait en \(niche) : ce que j’ai appris après \(offset % 90 + 7) jours d’entraînement régulier")
                        .prefix(60 + offset % 41))
                let folder = workspace.videos.appendingPathComponent(
                    GenerationJob.folderName(date: created, title: title, topic: nil, jobId: id))
                let video = VideoRecord(
                    id: id, niche: nicheNames[offset % nicheNames.count], topic: nil, title: title, language: "en",
                    viralityScore: 40 + offset % 60, durationSeconds: Double(15 + offset % 90),
                    hookLength: 4 + offset % 10,
                    hashtagCount: 1 + offset % 8, hasCta: offset % 3 != 0,
                    description: "Caption \(offset) #tag\(offset % 8)",
                    hashtags: "[\"#tag\(offset % 8)\"]", folder: folder.path, tiktokId: nil, isExternal: false,
                    createdAt: created)
                try video.insert(db)
                try LearningDataRecord.features(of: video).saveFeatures(db)
                try db.execute(
                    sql: "INSERT INTO video_criteria VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [id, 10 + offset % 15, 12 + offset % 13, 8 + offset % 12, 6 + offset % 14, offset % 10])
                try db.execute(
                    sql: """
                        INSERT INTO jobs (id, kind, input, content_hash, state, progress, created_at, updated_at)
                        VALUES (?, 'request', ?, ?, ?, 1, ?, ?)
                        """,
                    arguments: [
                        id, "inbox/requests/\(id).yaml", id, offset % 20 == 0 ? "failed" : "published", created,
                        created,
                    ])
                for (stage, seconds) in [("script", 0.4), ("images", 1.5), ("voice", 0.8), ("render", 9.0)] {
                    try db.execute(
                        sql: "INSERT INTO stage_timings VALUES (?, ?, ?, 0)",
                        arguments: [id, stage, seconds * (1 + Double(offset % 7) / 10)])
                }
            }
        }
        let today = CalendarDay.today()
        var csv = "video_id,views,likes,shares,comments,revenue,date\n"
        csv.reserveCapacity(analyticsRows * 56)
        for row in 0..<analyticsRows {
            let snapshot = row / ids.count
            let views = 500 + (row % ids.count &* 7919) % 200_000 + snapshot * 1_000
            let day = today.adding(days: -(27 - snapshot % 28))
            csv +=
                "\(ids[row % ids.count]),\(views),\(views / 12),\(views / 90),\(views / 150),\(Double(views % 1000) / 100),\(day)\n"
        }
        let file = workspace.inbox.appendingPathComponent("analytics/bench.csv")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(csv.utf8).write(to: file)
        let ingestStart = Date()
        let outcome = try await processor.process(file: file)
        rows.append(
            Row(
                name: "setup: analytics ingest", value: String(format: "%.3f s", Date().timeIntervalSince(ingestStart)),
                detail: "\(analyticsRows) rows over \(ids.count) videos, with all three reports; " + outcome.summary))

        var reads: [Double] = []
        var draws: [Double] = []
        var writes: [Double] = []
        var size = 0
        let writer = ReportWriter(folder: workspace.outbox.appendingPathComponent("reports"))
        for _ in 0..<max(1, repeats) {
            let start = Date()
            let data = try DashboardData.read(from: index, asOf: today)
            let read = Date()
            let html = Data(try DashboardPage(data: data).html().utf8)
            let drawn = Date()
            _ = try writer.write(html, as: "dashboard.html")
            let written = Date()
            reads.append(read.timeIntervalSince(start))
            draws.append(drawn.timeIntervalSince(read))
            writes.append(written.timeIntervalSince(drawn))
            size = html.count
        }
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        let total = zip(zip(reads, draws), writes).map { $0.0 + $0.1 + $1 }
        rows.append(
            Row(
                name: "page written", value: String(format: "%.3f s", median(total)),
                detail: "median of \(total.count): read \(String(format: "%.3f", median(reads))) s + draw "
                    + "\(String(format: "%.3f", median(draws))) s + atomic write \(String(format: "%.3f", median(writes))) s"
            ))
        rows.append(
            Row(
                name: "page size", value: String(format: "%.2f MB", Double(size) / 1_000_000),
                detail: "\(size) bytes; thumbnails linked, library as JSON rows, first 50 rows in the markup"))

        guard browser else { return rows }
        guard HeadlessChromium.isInstalled() else {
            rows.append(Row(name: "in Chromium", value: "skipped", detail: "no `chromium` on the PATH"))
            return rows
        }
        let page = workspace.outbox.appendingPathComponent("reports/dashboard.html")
        var ready: [Double] = []
        var loads: [Double] = []
        var sorts: [Double] = []
        let chromium = try HeadlessChromium()
        defer { chromium.close() }
        for attempt in 0..<3 {
            if attempt == 0 {
                try chromium.openPage(page, width: 1280, height: 800)
            } else {
                try chromium.navigate(page)
            }
            let timing =
                try chromium.evaluate(
                    """
                    (() => { const n = performance.getEntriesByType("navigation")[0];
                      return [Number(document.documentElement.getAttribute("data-ready")), n.loadEventEnd]; })()
                    """) as? [Double] ?? []
            ready.append((timing.first ?? .nan) / 1000)
            loads.append((timing.last ?? .nan) / 1000)
            let sort =
                try chromium.evaluate(
                    """
                    (() => { const t = performance.now();
                      document.querySelector('th[data-sort="views"] button').click();
                      return performance.now() - t; })()
                    """) as? Double ?? .nan
            sorts.append(sort / 1000)
        }
        // The bench makes no video folders: their thumbnails are missing, and say so.
        let problems = chromium.consoleProblems.filter {
            !($0.text.contains("ERR_FILE_NOT_FOUND") && $0.text.contains("thumbnail.jpg"))
        }
        let missingThumbnails = chromium.consoleProblems.count - problems.count
        rows.append(
            Row(
                name: "interactive in Chromium", value: String(format: "%.3f s", median(ready)),
                detail: "median of 3 loads from file://: the page's script done (from navigation start); load event "
                    + String(format: "%.3f s", median(loads))
                    + "; \(missingThumbnails) missing thumbnails (no folders here)"
                    + (problems.isEmpty ? ", no other console message" : "; console: \(problems)")))
        rows.append(
            Row(
                name: "sort 10,000 by views", value: String(format: "%.3f s", median(sorts)),
                detail: "click on the Views header: sort, then draw the first page"))
        return rows
    }
}
