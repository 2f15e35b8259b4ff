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

@Suite struct LearningLoopMigrationTests {
    @Test func aFoundationIndexKeepsItsDataAndLosesItsDuplicates() throws {
        let (old, url) = try LearningFixtures.olderIndex(upTo: "v1-foundation")
        try old.write { db in
            try db.execute(
                sql: """
                    INSERT INTO videos (id, niche, title, language, virality_score, duration_seconds, hook_length, hashtag_count,
                        has_cta, description, hashtags, created_at)
                    VALUES ('aaaaaaaaaaa1', 'fitness', 't', 'en', 80, 30.5, 8, 5, 1, 'd', '[]', '2026-11-01 10:00:00');
                    INSERT INTO learning_data (video_id, niche, virality_score, duration_seconds, hook_length, hashtag_count, has_cta,
                        views, engagement_rate, updated_at)
                    VALUES ('aaaaaaaaaaa1', 'fitness', 80, 30.5, 8, 5, 1, 1200, 0.1, '2026-11-02 10:00:00');
                    INSERT INTO trends (title, views, engagement, niche, date) VALUES ('a', 10, 1, 'Fitness', '2026-11-20');
                    INSERT INTO trends (title, views, engagement, niche, date) VALUES ('a', 20, 2, 'fitness ', '2026-11-20');
                    INSERT INTO analytics (video_id, views, date, imported_at) VALUES ('aaaaaaaaaaa1', 100, '2026-11-20', 0);
                    INSERT INTO analytics (video_id, views, date, imported_at) VALUES ('aaaaaaaaaaa1', 200, '2026-11-20', 0);
                    """)
        }
        try old.close()

        let index = try LearningIndex(url: url)
        let features = try #require(try index.learningData(videoId: "aaaaaaaaaaa1"))
        #expect(features.viralityScore == 80 && features.durationSeconds == 30.5 && features.views == 1200)
        #expect(features.metricsDate == CalendarDay(year: 2026, month: 11, day: 2) && !features.isExternal)
        let trends = try LearningFixtures.rows(index, "SELECT niche, views FROM trends")
        #expect(trends.count == 1 && trends[0]["niche"] as String == "fitness" && trends[0]["views"] as Int == 20)
        #expect(try LearningFixtures.int(index, "SELECT views FROM analytics") == 200, "the later duplicate is kept")
        let applied = try index.database.read { db in try LearningIndex.migrator.appliedIdentifiers(db) }
        #expect(applied.contains("v3-learning-loop"))
    }
}
