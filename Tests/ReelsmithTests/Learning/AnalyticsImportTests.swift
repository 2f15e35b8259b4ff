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

@Suite struct AnalyticsImportTests {
    static let today = CalendarDay(year: 2026, month: 11, day: 25)!
    static let none = NicheVocabulary(niches: [:])

    private func importCSV(_ index: LearningIndex, _ text: String) throws -> AnalyticsImport {
        try index.importAnalytics(
            LearningFixtures.csv(text, day: Self.today), sourceFile: "a.csv", ingestDay: Self.today,
            vocabulary: Self.none)
    }

    private func importTikTok(
        _ index: LearningIndex, _ rows: [(caption: String, id: String, views: Int)], exportDay: String = "2026-11-24",
        vocabulary: NicheVocabulary = none
    ) throws -> AnalyticsImport {
        let file = try AnalyticsFile.decode(
            data: LearningFixtures.tiktokExport(rows, exportDay: exportDay), file: "Content.csv", isYAML: false,
            ingestDay: Self.today)
        return try index.importAnalytics(file, sourceFile: "Content.csv", ingestDay: Self.today, vocabulary: vocabulary)
    }

    @Test func rowsLandInSQLiteAndBadRowsAreListedByNumber() throws {
        let index = try LearningFixtures.index()
        try index.record(video: LearningFixtures.video("aaaaaaaaaaa1"))
        try index.record(video: LearningFixtures.video("aaaaaaaaaaa2"))
        let file = try AnalyticsFile.decode(
            data: Data(contentsOf: TestSupport.fixture("analytics/ours-any-order.csv")), file: "ours.csv",
            isYAML: false,
            ingestDay: Self.today)
        let result = try index.importAnalytics(
            file, sourceFile: "ours.csv", ingestDay: Self.today, vocabulary: Self.none)
        #expect(result.applied == 2 && result.newSnapshots == 2)
        #expect(result.problems.map(\.row) == [2, 3, 4, 5])
        #expect(result.problems[1].description.contains("no video `ffffffffffff` in the learning index"))
        let rows = try LearningFixtures.rows(
            index,
            "SELECT video_id, views, likes, shares, comments, revenue, date, source_file FROM analytics ORDER BY video_id"
        )
        #expect(rows.count == 2)
        let first = rows[0]
        let second = rows[1]
        #expect(first["video_id"] as String == "aaaaaaaaaaa1")
        #expect(first["views"] as Int == 15400)
        #expect(first["likes"] as Int == 1320)
        #expect(first["shares"] as Int == 85)
        #expect(first["comments"] as Int == 64)
        #expect(first["revenue"] as Double == 3.10)
        #expect(first["date"] as String == "2026-11-20")
        #expect(first["source_file"] as String == "ours.csv")
        #expect(second["video_id"] as String == "aaaaaaaaaaa2")
        #expect(second["views"] as Int == 900)
        #expect(second["revenue"] as Double == 1.5)
        let features = try #require(try index.learningData(videoId: "aaaaaaaaaaa1"))
        #expect(features.views == 15400 && features.metricsDate == CalendarDay(year: 2026, month: 11, day: 20))
        #expect(abs((features.engagementRate ?? 0) - Double(1320 + 64 + 85) / 15400) < 1e-12)
        #expect(features.durationSeconds == 30 && features.hashtagCount == 3 && features.hasCta == true)
    }

    @Test func reimportingTheSameOrANewerExportNeverDoubleCounts() throws {
        let index = try LearningFixtures.index()
        try index.record(video: LearningFixtures.video("aaaaaaaaaaa1"))
        let first = "video_id,views,likes,shares,comments,date\naaaaaaaaaaa1,15400,1320,85,64,2026-11-20\n"
        _ = try importCSV(index, first)
        let again = try importCSV(index, first)
        #expect(again.applied == 1 && again.newSnapshots == 0)
        #expect(try LearningFixtures.int(index, "SELECT count(*) FROM analytics") == 1)

        let newer = try importCSV(
            index, "video_id,views,likes,shares,comments,date\naaaaaaaaaaa1,20000,1500,90,70,2026-11-22\n")
        #expect(newer.newSnapshots == 1)
        let older = try importCSV(
            index, "video_id,views,likes,shares,comments,date\naaaaaaaaaaa1,9000,700,40,30,2026-11-18\n")
        #expect(older.newSnapshots == 1)
        let history = try LearningFixtures.rows(index, "SELECT date, views FROM analytics ORDER BY date")
        #expect(history.map { $0["views"] as Int } == [9000, 15400, 20000], "the history is kept")
        let features = try #require(try index.learningData(videoId: "aaaaaaaaaaa1"))
        #expect(
            features.views == 20000 && features.metricsDate == CalendarDay(year: 2026, month: 11, day: 22),
            "latest wins")
        let fitness = try #require(try index.niches().first)
        #expect(fitness.totalViews == 20000, "the niche counts the latest numbers once, not the sum of snapshots")
    }

    @Test func idsMayBeShortenedToAnUnambiguousPrefixAndTikTokIdsAreRemembered() throws {
        let index = try LearningFixtures.index()
        try index.record(video: LearningFixtures.video("b1c2d3e4f5a6"))
        try index.record(video: LearningFixtures.video("aaaaaaaaaaa1"))
        try index.record(video: LearningFixtures.video("aaaaaaaaaaa2"))
        let result = try importCSV(
            index,
            "video_id,tiktok_id,views,likes,shares,comments\nb1c2d3e4,,100,1,1,1\naaaaaaaaaa,,100,1,1,1\n"
                + "b1c2d3e4,https://www.tiktok.com/@me/video/7301,100,1,1,1\n")
        #expect(result.applied == 1)
        #expect(result.problems.map(\.row) == [2, 3])
        #expect(result.problems[0].description.contains("is the beginning of several videos' ids"))
        #expect(result.problems[1].description.contains("`tiktok_id` is not a TikTok video id"))
        #expect(try index.video(id: "b1c2d3e4f5a6")?.tiktokId == nil)
        _ = try importCSV(
            index,
            "video_id,tiktok_id,views,likes,shares,comments\nb1c2d3e4,https://www.tiktok.com/@me/video/7301234567,100,1,1,1\n"
        )
        #expect(try index.video(id: "b1c2d3e4f5a6")?.tiktokId == "7301234567")
        let linked = try importTikTok(index, [("a caption nobody wrote", "7301234567", 5000)], exportDay: "2026-11-26")
        #expect(linked.linkedByTikTokId == 1 && linked.external == 0)
        #expect(try index.learningData(videoId: "b1c2d3e4f5a6")?.views == 5000)
        #expect(try index.learningData(videoId: "b1c2d3e4f5a6")?.postedOn == CalendarDay(year: 2026, month: 4, day: 17))
    }

    @Test func aCaptionLinksToOurVideoOnceThenTheTikTokIdDoes() throws {
        let index = try LearningFixtures.index()
        try index.record(
            video: LearningFixtures.video(
                "aaaaaaaaaaa1", caption: "Save this for your next workout and thank me later."))
        try index.record(
            video: LearningFixtures.video(
                "aaaaaaaaaaa2", caption: "Simple, science-backed fitness tips you can use today."))
        let caption = "Save this for your next workout and thank me later 💪🔥\n\n#fitness #gym #workout #fyp"
        let first = try importTikTok(index, [(caption, "7441000000000000001", 15400)])
        #expect(first.linkedByCaption == 1 && first.external == 0 && first.ambiguous == 0)
        #expect(try index.video(id: "aaaaaaaaaaa1")?.tiktokId == "7441000000000000001")
        let second = try importTikTok(
            index, [("caption edited completely", "7441000000000000001", 18000)], exportDay: "2026-11-25")
        #expect(second.linkedByTikTokId == 1 && second.linkedByCaption == 0)
        #expect(try LearningFixtures.int(index, "SELECT count(*) FROM analytics WHERE video_id = 'aaaaaaaaaaa1'") == 2)
        #expect(try index.learningData(videoId: "aaaaaaaaaaa1")?.views == 18000)
    }

    @Test func anAmbiguousCaptionIsListedNeverGuessed() throws {
        let index = try LearningFixtures.index()
        try index.record(video: LearningFixtures.video("aaaaaaaaaaa1", caption: "Save this for your next workout."))
        try index.record(video: LearningFixtures.video("aaaaaaaaaaa2", caption: "Save this for your next workout."))
        try index.record(
            video: LearningFixtures.video("aaaaaaaaaaa3", caption: "Completely different words here today."))
        let result = try importTikTok(
            index, [("Save this for your next workout. #fitness #gym #workout", "7441000000000000009", 9000)])
        #expect(result.ambiguous == 1 && result.applied == 0 && result.external == 0)
        let problem = try #require(result.problems.first)
        #expect(problem.row == 1 && problem.line == 2)
        #expect(problem.problem.contains("aaaaaaaaaaa1, aaaaaaaaaaa2"))
        #expect(problem.fix.contains("aaaaaaaaaaa1,7441000000000000009,9000"))
        #expect(try LearningFixtures.int(index, "SELECT count(*) FROM analytics") == 0)
        #expect(try LearningFixtures.int(index, "SELECT count(*) FROM videos WHERE tiktok_id IS NOT NULL") == 0)
    }

    @Test func unmatchedRowsBecomeExternalVideosThatStillTeach() throws {
        let index = try LearningFixtures.index()
        let vocabulary = NicheVocabulary.from(
            templates: try TemplateLibrary.load(from: TestSupport.templates), knownNiches: [])
        let file = try AnalyticsFile.decode(
            data: Data(contentsOf: TestSupport.fixture("analytics/tiktok-semicolon-crlf.csv")), file: "Content.csv",
            isYAML: false, ingestDay: Self.today)
        let result = try index.importAnalytics(
            file, sourceFile: "Content.csv", ingestDay: Self.today, vocabulary: vocabulary)
        #expect(result.external == 6 && result.applied == 6 && result.problems.map(\.row) == [7, 8])
        let videos = try LearningFixtures.rows(
            index, "SELECT id, niche, is_external, hashtag_count FROM videos ORDER BY rowid")
        #expect(videos.map { $0["id"] as String }.first == "tiktok-7612719582511108096")
        #expect(videos.allSatisfy { $0["is_external"] as Bool })
        #expect(videos[0]["niche"] as String == "motivation")
        #expect(videos[1]["niche"] as String == "fitness")
        let features = try #require(try index.learningData(videoId: "tiktok-7612719582511108096"))
        #expect(
            features.isExternal && features.durationSeconds == nil && features.viralityScore == nil
                && features.hasCta == nil)
        #expect(
            features.hashtagCount == 2 && features.views == 25000
                && features.postedOn == CalendarDay(year: 2026, month: 3, day: 2))
        #expect(features.captionWords == 9, "Ma routine du matin « 5 minutes » qui changent tout")
        // Imported again: the same six videos, the same six snapshots.
        let again = try index.importAnalytics(
            file, sourceFile: "Content.csv", ingestDay: Self.today, vocabulary: vocabulary)
        #expect(again.newSnapshots == 0 && again.external == 6)
        #expect(try LearningFixtures.int(index, "SELECT count(*) FROM videos") == 6)
        #expect(try LearningFixtures.int(index, "SELECT count(*) FROM analytics") == 6)
    }

    @Test func externalVideosMayNotPretendToBeOursInTheSchema() throws {
        let index = try LearningFixtures.index()
        try index.record(video: LearningFixtures.video("aaaaaaaaaaa1"))
        #expect(throws: DatabaseError.self) {
            try index.database.write { db in
                try db.execute(sql: "UPDATE learning_data SET duration_seconds = NULL WHERE video_id = 'aaaaaaaaaaa1'")
            }
        }
        #expect(throws: DatabaseError.self) {
            try index.database.write { db in
                try db.execute(
                    sql:
                        "INSERT INTO analytics (video_id, views, date, imported_at) VALUES ('aaaaaaaaaaa1', 1, '2026-11-20', 0)"
                )
                try db.execute(
                    sql:
                        "INSERT INTO analytics (video_id, views, date, imported_at) VALUES ('aaaaaaaaaaa1', 2, '2026-11-20', 0)"
                )
            }
        }
    }

    @Test func aVideoRepeatedOnTheSameDayInOneFileIsNamedAndCountedOnce() throws {
        let index = try LearningFixtures.index()
        try index.record(video: LearningFixtures.video("aaaaaaaaaaa1"))
        let result = try importCSV(
            index, "video_id,views,likes,shares,comments\naaaaaaaaaaa1,100,1,1,1\naaaaaaaaaaa1,300,3,3,3\n")
        #expect(result.applied == 2 && result.newSnapshots == 1)
        #expect(result.problems.count == 1 && result.problems[0].row == 2)
        #expect(
            result.problems[0].problem.contains("row 1 already gave the numbers of video aaaaaaaaaaa1 on 2026-11-25"))
        #expect(try index.learningData(videoId: "aaaaaaaaaaa1")?.views == 300)
    }
}
