import Foundation
import Testing

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

/// The insights' 30 days end on the newest analytics day in the index, not today, and say so
/// (issue 11): an export imported weeks after it was made is not "0 videos".
@Suite struct InsightsWindowTests {
    private func seed(_ rows: [(id: String, views: Int, day: String)]) throws -> LearningIndex {
        let index = try LearningFixtures.index()
        var csv = "video_id,views,likes,shares,comments,date\n"
        for row in rows {
            try index.record(video: LearningFixtures.video(row.id))
            csv += "\(row.id),\(row.views),10,1,1,\(row.day)\n"
        }
        let day = CalendarDay(year: 2026, month: 11, day: 25)!
        _ = try index.importAnalytics(
            LearningFixtures.csv(csv, day: day), sourceFile: "a.csv", ingestDay: day,
            vocabulary: NicheVocabulary(niches: [:]))
        return index
    }

    @Test func anOldExportIsCountedUpToItsNewestDay() throws {
        // Imported in November, the numbers are from March: the window is 24 February – 25 March.
        let index = try seed([("aaaaaaaaaaa1", 15_000, "2026-03-25"), ("aaaaaaaaaaa2", 900, "2026-02-24")])
        let insights = try index.insights()
        #expect(
            insights.asOf == CalendarDay(year: 2026, month: 3, day: 25)
                && insights.since == CalendarDay(year: 2026, month: 2, day: 24))
        #expect(insights.videoCount == 2 && insights.highPerformerCount == 1 && insights.olderVideoCount == 0)
        #expect(insights.window.en == "30 days up to 25 March 2026: 2 videos")
        #expect(!insights.recommendations.en.joined().contains("Import your TikTok analytics"))
    }

    @Test func numbersOlderThanTheWindowAreMentionedNotHidden() throws {
        let index = try seed([
            ("aaaaaaaaaaa1", 800, "2026-03-25"), ("aaaaaaaaaaa2", 900, "2026-02-23"),
            ("aaaaaaaaaaa3", 1_000, "2025-12-01"),
        ])
        let insights = try index.insights()
        #expect(insights.videoCount == 1 && insights.olderVideoCount == 2)
        #expect(
            insights.window.en == "30 days up to 25 March 2026: 1 video; 2 more with older numbers, outside the window")
        #expect(
            insights.window.fr
                == "30 jours jusqu'au 25 mars 2026 : 1 vidéo ; 2 autres avec des chiffres plus anciens, hors de la fenêtre"
        )
        #expect(
            insights.recommendations.en.first?.hasPrefix(
                "No video passed 10,000 views in the 30 days up to 25 March 2026 (1 measured)") == true)
    }

    @Test func withoutAnyAnalyticsTheAdviceIsToImportThem() throws {
        let index = try LearningFixtures.index()
        let insights = try index.insights()
        #expect(insights.asOf == CalendarDay.today() && insights.videoCount == 0)
        #expect(insights.window.en.hasSuffix(": 0 videos (no analytics imported yet)"))
        #expect(insights.recommendations.en.first?.contains("Import your TikTok analytics") == true)
    }
}
