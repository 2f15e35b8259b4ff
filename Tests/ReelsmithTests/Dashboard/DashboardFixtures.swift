import Foundation
import GRDB

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

/// A project with a learning index the dashboard has something to say about: three niches of
/// trends, 60 videos (more than one library page) with folders, thumbnails, criteria, jobs and
/// stage times, two days of analytics, one failed job, one video seen only in a TikTok export
/// — and hostile titles.
enum DashboardFixtures {
    static let today = CalendarDay(year: 2026, month: 11, day: 25)!
    static let videoCount = 60
    static let hostileTitle = "<script>alert(1)</script>"
    static let attributeBreaker = "\"><img src=x onerror=alert(2)>&amp; ' café"
    static let hostileTrend = "</script><script>alert(3)</script>"
    static let niches = ["fitness", "cooking", "motivation"]
    static let externalCaption = "My cat learned to skateboard #cats"
    static let externalTikTokId = "7300000000000000001"
    static let externalViews = 5_000

    struct Project {
        var workspace: Workspace
        var index: LearningIndex
        var page: URL { workspace.outbox.appendingPathComponent("reports/dashboard.html") }
    }

    static func id(_ number: Int) -> String { String(format: "f%011d", number) }

    /// Views of video `number` on the later analytics day (the earlier day had half).
    static func views(_ number: Int) -> Int { 1_000 * (number + 1) }

    static func title(_ number: Int) -> String {
        switch number {
        case 0: hostileTitle
        case 1: attributeBreaker
        default: "Video number \(number)"
        }
    }

    static func project(_ name: String = #function, language: Language? = nil) throws -> Project {
        let workspace = try TestSupport.makeWorkspace(name)
        let index = try LearningIndex(url: workspace.indexFile)
        _ = try index.ingest(
            trends: [
                .init(
                    title: "Squat challenge", url: nil, views: 300_000, engagement: 40_000, niche: "fitness",
                    date: today),
                .init(
                    title: hostileTrend, url: nil, views: 120_000, engagement: 9_000, niche: "fitness",
                    date: today.adding(days: -2)),
                .init(
                    title: "Plank a day", url: nil, views: 80_000, engagement: 5_000, niche: "fitness",
                    date: today.adding(days: -20)),
                .init(
                    title: "One-pan pasta", url: nil, views: 20_000, engagement: 1_000, niche: "cooking",
                    date: today.adding(days: -1)),
                .init(
                    title: "5 a.m. club", url: nil, views: 60_000, engagement: 7_000, niche: "motivation", date: today),
            ], sourceFile: "trends.yaml", today: today)
        let thumbnail = try thumbnailJPEG()
        // Made hourly from noon on the 20th: 12 on the 20th, 24 on the 21st and 22nd.
        let start = Calendar.current.date(from: DateComponents(year: 2026, month: 11, day: 20, hour: 12))!
        try index.database.write { db in
            for number in 0..<videoCount {
                let id = id(number)
                let created = start.addingTimeInterval(Double(number) * 3_600)
                // Odd videos are named as a job names its folder (the page shortens those names),
                // even ones otherwise (a folder renamed by hand).
                let folder = workspace.videos.appendingPathComponent(
                    number % 2 == 1
                        ? GenerationJob.folderName(date: created, title: title(number), topic: nil, jobId: id)
                        : "2026-11-\(String(format: "%02d", number % 20 + 1))-video-\(number)-\(id.suffix(6))")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try thumbnail.write(to: folder.appendingPathComponent("thumbnail.jpg"))
                var video = LearningFixtures.video(
                    id, niche: niches[number % 3], viralityScore: 40 + number % 50)
                video.title = title(number)
                video.language = number % 4 == 0 ? "en" : "fr"
                video.folder = folder.path
                video.createdAt = created
                try video.insert(db)
                try LearningDataRecord.features(of: video).saveFeatures(db)
                try db.execute(
                    sql: "INSERT INTO video_criteria VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [id, 20, 18, 15, 12, number % 10])
                try db.execute(
                    sql:
                        "INSERT INTO jobs (id, kind, input, content_hash, state, progress, created_at, updated_at) VALUES (?, 'request', ?, ?, 'published', 1, ?, ?)",
                    arguments: [id, "inbox/requests/\(number).yaml", id, video.createdAt, video.createdAt])
                try db.execute(
                    sql: "INSERT INTO stage_timings VALUES (?, 'render', ?, 0)",
                    arguments: [id, 10.0 + Double(number % 3)])
                try db.execute(sql: "INSERT INTO stage_timings VALUES (?, 'script', 0.5, 0)", arguments: [id])
                try db.execute(sql: "INSERT INTO stage_timings VALUES (?, 'voice', 99, 1)", arguments: [id])
            }
            try db.execute(
                sql:
                    "INSERT INTO jobs (id, kind, input, content_hash, state, progress, error, created_at, updated_at) VALUES ('failedjob', 'request', 'inbox/requests/bad.yaml', 'x', 'failed', 0, 'boom', ?, ?)",
                arguments: [start, start])
        }
        var csv = "video_id,views,likes,shares,comments,date\n"
        for number in 0..<videoCount {
            csv += "\(id(number)),\(views(number) / 2),10,1,1,\(today.adding(days: -3))\n"
            csv += "\(id(number)),\(views(number)),\(views(number) / 10),5,5,\(today.adding(days: -1))\n"
        }
        let result = try index.importAnalytics(
            LearningFixtures.csv(csv, day: today), sourceFile: "a.csv", ingestDay: today,
            vocabulary: NicheVocabulary(niches: [:]))
        precondition(result.problems.isEmpty, "\(result.problems)")
        // One video seen only in a TikTok export: in the library, with no score and no links.
        let export = try AnalyticsFile.decode(
            data: LearningFixtures.tiktokExport(
                [(caption: externalCaption, id: externalTikTokId, views: externalViews)], exportDay: today.description),
            file: "Content.csv", isYAML: false, ingestDay: today)
        let linked = try index.importAnalytics(
            export, sourceFile: "Content.csv", ingestDay: today, vocabulary: NicheVocabulary(niches: [:]))
        precondition(linked.external == 1, "\(linked)")
        try LearningReports(index: index, outbox: workspace.outbox, language: language).publish(asOf: today)
        return Project(workspace: workspace, index: index)
    }

    /// A small real JPEG made by ffmpeg once per test run.
    static func thumbnailJPEG() throws -> Data {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("reelsmith-dashboard-thumbnail.jpg")
        if let data = try? Data(contentsOf: file), !data.isEmpty { return data }
        let partial = file.deletingLastPathComponent().appendingPathComponent(
            "reelsmith-thumb-\(UUID().uuidString.prefix(6)).jpg")
        let result = try TestSupport.run(
            Tools().ffmpeg,
            [
                "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "color=c=0x3366cc:s=108x192", "-frames:v",
                "1", "-y", partial.path,
            ])
        precondition(result.status == 0, result.stderr)
        try? FileManager.default.moveItem(at: partial, to: file)
        return try Data(contentsOf: FileManager.default.fileExists(atPath: file.path) ? file : partial)
    }
}
