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

/// `v12-account-net-counts`: TikTok's net daily likes, comments and shares may be
/// negative; an index made before keeps its days and then takes them (issue 11).
@Suite struct AccountNetCountsMigrationTests {
    @Test func anOlderIndexKeepsItsDaysAndThenTakesANegativeComments() throws {
        let (old, url) = try LearningFixtures.olderIndex(upTo: "v7-account-analytics")
        try old.write { db in
            try db.execute(
                sql:
                    "INSERT INTO account_days (day, video_views, comments, follower_change, updated_at) VALUES ('2026-09-25', 118, 0, -2, 0)"
            )
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "UPDATE account_days SET comments = -1 WHERE day = '2026-09-25'")
            }
        }
        try old.close()
        let index = try LearningIndex(url: url)
        let kept = try LearningFixtures.rows(index, "SELECT video_views, comments, follower_change FROM account_days")
        #expect(kept.count == 1 && kept[0]["video_views"] as Int == 118 && kept[0]["follower_change"] as Int == -2)
        let overview = StudioExportFiles.csv(
            StudioExportFiles.overviewHeader,
            [["September 25", "118", "0", "5", "0", "0"], ["September 26", "201", "1", "9", "-1", "0"]])
        let file = try AnalyticsFile.decode(
            data: overview, file: "Overview.csv", isYAML: false, ingestDay: CalendarDay(year: 2026, month: 10, day: 2)!)
        _ = try index.importAnalytics(
            file, sourceFile: "Overview.csv", ingestDay: CalendarDay(year: 2026, month: 10, day: 2)!,
            vocabulary: NicheVocabulary(niches: [:]))
        #expect(try LearningFixtures.int(index, "SELECT comments FROM account_days WHERE day = '2026-09-26'") == -1)
        // Views still may not be negative.
        #expect(throws: DatabaseError.self) {
            try index.database.write { db in try db.execute(sql: "UPDATE account_days SET video_views = -1") }
        }
    }
}
