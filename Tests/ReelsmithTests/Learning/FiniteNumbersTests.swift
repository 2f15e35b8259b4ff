import Foundation
import GRDB
import Testing

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

/// Issue 12, hole 4: one analytics row cannot poison the index. Non-finite and out-of-range
/// values are refused per cell with their row; an index that already holds one is repaired.
@Suite struct FiniteNumbersTests {
    static let today = CalendarDay(year: 2026, month: 11, day: 25)!

    @Test func nonFiniteAndOutOfRangeCellsAreRefusedPerRow() throws {
        let file = try LearningFixtures.csv(
            """
            video_id,views,likes,shares,comments,revenue
            aaaaaaaaaaa1,10,1,1,1,1.7e308
            aaaaaaaaaaa1,10,1,1,1,inf
            aaaaaaaaaaa1,10,1,1,1,NaN
            aaaaaaaaaaa1,10,1,1,1,1e309
            aaaaaaaaaaa1,99999999999999999999999,1,1,1,1
            aaaaaaaaaaa1,1000000000001,1,1,1,1
            aaaaaaaaaaa1,10,1,1,1,-inf
            aaaaaaaaaaa1,10,1,1,1,3.10
            """, day: Self.today)
        #expect(file.rows.count == 1 && file.rows[0].revenue == 3.10)
        #expect(file.problems.map(\.row) == [1, 2, 3, 4, 5, 6, 7])
        #expect(
            file.problems[0].description.contains("a.csv:2:")
                && file.problems[0].problem.contains("more than 1000000000"))
        #expect(file.problems[4].problem.contains("more than 1000000000000"))
    }

    @Test func hugeButValidNumbersNeverOverflowTheNichesOrTheReports() throws {
        let index = try LearningFixtures.index()
        for id in ["aaaaaaaaaaa1", "aaaaaaaaaaa2", "aaaaaaaaaaa3"] {
            try index.record(video: LearningFixtures.video(id))
        }
        let file = try LearningFixtures.csv(
            """
            video_id,views,likes,shares,comments,revenue
            aaaaaaaaaaa1,1000000000000,1000000000000,1000000000000,1000000000000,1000000000
            aaaaaaaaaaa2,1000000000000,1000000000000,1000000000000,1000000000000,1000000000
            aaaaaaaaaaa3,1000000000000,1000000000000,1000000000000,1000000000000,1000000000
            """, day: Self.today)
        let result = try index.importAnalytics(
            file, sourceFile: "a.csv", ingestDay: Self.today, vocabulary: NicheVocabulary(niches: [:]))
        #expect(result.applied == 3)
        let reports = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reelsmith-finite-\(UUID().uuidString.prefix(8))")
        try LearningReports(index: index, outbox: reports).publish(asOf: Self.today)
        #expect(try index.niches().allSatisfy { $0.totalRevenue.isFinite && $0.avgViews.isFinite })
    }

    @Test func anIndexHoldingInfinityIsRepairedAndReportsWorkAgain() throws {
        let (old, url) = try LearningFixtures.olderIndex(upTo: "v3-learning-loop")
        let folder = url.deletingLastPathComponent()
        // What the old code stored after `revenue: 1.7e308` on two videos.
        try old.write { db in
            for id in ["aaaaaaaaaaa1", "aaaaaaaaaaa2"] {
                // The videos table as that version had it (today's record has more columns).
                try db.execute(
                    sql: """
                        INSERT INTO videos (id, niche, title, language, virality_score, duration_seconds, hook_length,
                            hashtag_count, has_cta, description, hashtags, is_external, created_at)
                        VALUES (?, 'fitness', 'A video', 'en', 70, 30, 8, 3, 1, 'A caption #fitness', '["#fitness"]', 0, 0)
                        """, arguments: [id])
            }
            for id in ["aaaaaaaaaaa1", "aaaaaaaaaaa2"] {
                try db.execute(
                    sql: """
                        INSERT INTO analytics (video_id, views, revenue, date, imported_at) VALUES (?, 10, 1.7e308, '2026-11-24', 0);
                        INSERT INTO learning_data (video_id, niche, virality_score, duration_seconds, hook_length, hashtag_count,
                            has_cta, views, revenue, metrics_date, updated_at)
                        VALUES (?, 'fitness', 70, 30, 8, 3, 1, 10, 1.7e308, '2026-11-24', 0);
                        """, arguments: [id, id])
            }
            try db.execute(
                sql: """
                    INSERT INTO niches (name, profitability_score, total_revenue, avg_revenue, updated_at)
                    VALUES ('fitness', 60, 9e999, 9e999, 0)
                    """)
        }
        try old.close()

        let index = try LearningIndex(url: url)
        #expect(try index.niches().allSatisfy { $0.totalRevenue.isFinite && $0.avgRevenue.isFinite })
        #expect(try LearningFixtures.int(index, "SELECT count(*) FROM analytics WHERE revenue > 1e9") == 0)
        try LearningReports(index: index, outbox: folder.appendingPathComponent("outbox")).publish(asOf: Self.today)
        try index.recomputeNiches(today: Self.today)
        let report = try JSONFiles.read(
            NichesReport.self, from: folder.appendingPathComponent("outbox/reports/niches.json"))
        #expect(report.niches.count == 1)
    }
}
