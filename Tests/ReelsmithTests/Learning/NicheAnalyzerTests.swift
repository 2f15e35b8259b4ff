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

@Suite struct NicheAnalyzerTests {
    static let today = CalendarDay(year: 2026, month: 11, day: 25)!

    private func trend(_ title: String, views: Int, engagement: Int, niche: String = "fitness", daysAgo: Int = 0)
        -> TrendsFile.Trend
    {
        TrendsFile.Trend(
            title: title, url: nil, views: views, engagement: engagement, niche: niche,
            date: Self.today.adding(days: -daysAgo))
    }

    private var trends: [TrendsFile.Trend] {
        [
            trend("a", views: 100_000, engagement: 12_000, daysAgo: 1),
            trend("b", views: 50_000, engagement: 6_000, daysAgo: 7),
            trend("c", views: 30_000, engagement: 3_000, daysAgo: 8),
            trend("Routine", views: 250_000, engagement: 35_000, niche: "motivation"),
        ]
    }

    @Test func aFutureDatedTrendIsNotTrending() throws {
        let index = try LearningFixtures.index()
        let result = try index.ingest(
            trends: [
                trend("soon", views: 1_000, engagement: 10, daysAgo: -3), trend("now", views: 1_000, engagement: 10),
            ],
            sourceFile: "t.yaml", today: Self.today)
        #expect(result.niches.first?.trendCount == 2 && result.niches.first?.trending == 1)
    }

    @Test func nichesFollowTheSeedFormulaOverTrends() throws {
        let index = try LearningFixtures.index()
        let result = try index.ingest(trends: trends, sourceFile: "t.yaml", today: Self.today)
        #expect(result.added == 4 && result.updated == 0)
        #expect(result.niches.map(\.name) == ["motivation", "fitness"])
        let fitness = try #require(result.niches.first { $0.name == "fitness" })
        // avg views 60,000 → 30; avg engagement 7,000 → 14; no revenue → 0; 3 trends → 10.
        #expect(fitness.profitabilityScore == 54)
        #expect(fitness.trendCount == 3 && fitness.trending == 2, "trends of the last 7 days: 1 and 7 days ago")
        #expect(fitness.totalViews == 180_000 && fitness.totalEngagement == 21_000)
        #expect(fitness.avgViews == 60_000 && fitness.avgEngagement == 7_000)
        // 250,000 → 50, 35,000 → 20, one trend → 5.
        #expect(result.niches[0].profitabilityScore == 75)
    }

    @Test func theSameTrendsIngestedAgainAreNotCountedTwice() throws {
        let index = try LearningFixtures.index()
        _ = try index.ingest(trends: trends, sourceFile: "t.yaml", today: Self.today)
        var again = trends
        again[0].views = 120_000
        let result = try index.ingest(trends: again, sourceFile: "t.yaml", today: Self.today)
        #expect(result.added == 0 && result.updated == 4)
        let fitness = try #require(result.niches.first { $0.name == "fitness" })
        #expect(fitness.trendCount == 3 && fitness.totalViews == 200_000)
        #expect(try LearningFixtures.int(index, "SELECT count(*) FROM trends") == 4)
    }

    @Test func videosAddTheirLatestNumbersAndRevenue() throws {
        let index = try LearningFixtures.index()
        _ = try index.ingest(trends: trends, sourceFile: "t.yaml", today: Self.today)
        try index.record(video: LearningFixtures.video("aaaaaaaaaaa1"))
        try index.record(video: LearningFixtures.video("aaaaaaaaaaa2"))
        let file = try LearningFixtures.csv(
            "video_id,views,likes,shares,comments,revenue,date\n"
                + "aaaaaaaaaaa1,10000,500,20,30,10,2026-11-20\naaaaaaaaaaa1,20000,900,50,50,50,2026-11-24\n",
            day: Self.today)
        let result = try index.importAnalytics(
            file, sourceFile: "a.csv", ingestDay: Self.today, vocabulary: NicheVocabulary(niches: [:]))
        let fitness = try #require(result.niches.first { $0.name == "fitness" })
        // Observations: 3 trends + 1 measured video (its latest snapshot only).
        // views (180,000 + 20,000) / 4 = 50,000 → 25; engagement (21,000 + 1,000) / 4 = 5,500 → 11;
        // revenue 50 / 1 → 10; 3 trends → 10.
        #expect(fitness.profitabilityScore == 56)
        #expect(fitness.videoCount == 2 && fitness.totalViews == 200_000 && fitness.totalEngagement == 22_000)
        #expect(fitness.totalRevenue == 50 && fitness.avgRevenue == 50)
        var stored = try #require(try index.niches().first { $0.name == "fitness" })
        #expect(abs(stored.updatedAt.timeIntervalSince(fitness.updatedAt)) < 0.01)
        stored.updatedAt = fitness.updatedAt
        #expect(stored == fitness, "the niches table holds what was computed")
    }
}
