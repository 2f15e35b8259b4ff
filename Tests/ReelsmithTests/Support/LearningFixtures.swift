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

/// Learning indexes in temp files and videos with chosen features, for the learning-loop suites.
enum LearningFixtures {
    static func index(_ name: String = #function) throws -> LearningIndex {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("reelsmith-learning-\(Slug.make(name))-\(UUID().uuidString.prefix(8))")
        return try LearningIndex(url: folder.appendingPathComponent("learning.sqlite"))
    }

    /// A learning index file migrated only up to `migration`, as an older Reelsmith left it.
    static func olderIndex(upTo migration: String, _ name: String = #function) throws -> (
        database: DatabaseQueue, url: URL
    ) {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("reelsmith-migration-\(Slug.make(name))-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("learning.sqlite")
        let database = try DatabaseQueue(path: url.path)
        try LearningIndex.migrator.migrate(database, upTo: migration)
        return (database, url)
    }

    static func video(
        _ id: String, niche: String = "fitness", durationSeconds: Double = 30, hookLength: Int = 8,
        viralityScore: Int = 70,
        hashtags: [String] = ["#fitness", "#gym", "#workout"],
        caption: String = "Everything I wish I knew about squats, in under a minute."
    ) -> VideoRecord {
        VideoRecord(
            id: id, niche: niche, topic: nil, title: "A video", language: "en", viralityScore: viralityScore,
            durationSeconds: durationSeconds, hookLength: hookLength, hashtagCount: hashtags.count, hasCta: true,
            description: caption + "\n\n" + hashtags.joined(separator: " "),
            hashtags: "[" + hashtags.map { "\"\($0)\"" }.joined(separator: ",") + "]", folder: nil, tiktokId: nil,
            isExternal: false, createdAt: Date())
    }

    static func csv(_ text: String, day: CalendarDay) throws -> AnalyticsFile {
        try AnalyticsFile.decode(data: Data(text.utf8), file: "a.csv", isYAML: false, ingestDay: day)
    }

    /// A TikTok Studio `Content.csv`: BOM, every field quoted.
    static func tiktokExport(_ rows: [(caption: String, id: String, views: Int)], exportDay: String) -> Data {
        func quoted(_ field: String) -> String { "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        var lines = [
            [
                "Time", "Video title", "Video link", "Post time", "Total likes", "Total comments", "Total shares",
                "Total views",
            ]
        ]
        for row in rows {
            lines.append([
                exportDay, row.caption, "https://www.tiktok.com/@me/video/\(row.id)", "April 17", "\(row.views / 10)",
                "5", "3",
                "\(row.views)",
            ])
        }
        return Data([0xEF, 0xBB, 0xBF])
            + Data(lines.map { $0.map(quoted).joined(separator: ",") }.joined(separator: "\n").utf8)
    }

    /// One integer read straight from the SQLite file.
    static func int(_ index: LearningIndex, _ sql: String, _ arguments: StatementArguments = []) throws -> Int? {
        try index.database.read { db in try Int.fetchOne(db, sql: sql, arguments: arguments) }
    }

    /// Rows read straight from the SQLite file.
    static func rows(_ index: LearningIndex, _ sql: String, _ arguments: StatementArguments = []) throws -> [Row] {
        try index.database.read { db in try Row.fetchAll(db, sql: sql, arguments: arguments) }
    }
}
