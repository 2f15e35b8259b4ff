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

@Suite struct InsightsTests {
    static let today = CalendarDay(year: 2026, month: 11, day: 25)!

    struct Sample {
        var id: String
        var durationSeconds: Double
        var hookLength: Int
        var views: Int
        var daysAgo = 1
    }

    /// Records our videos and imports their numbers through our CSV format.
    private func seed(_ samples: [Sample]) throws -> LearningIndex {
        let index = try LearningFixtures.index()
        var csv = "video_id,views,likes,shares,comments,date\n"
        for sample in samples {
            try index.record(
                video: LearningFixtures.video(
                    sample.id, durationSeconds: sample.durationSeconds, hookLength: sample.hookLength))
            csv +=
                "\(sample.id),\(sample.views),\(sample.views / 20),10,10,\(Self.today.adding(days: -sample.daysAgo))\n"
        }
        let result = try index.importAnalytics(
            LearningFixtures.csv(csv, day: Self.today), sourceFile: "a.csv", ingestDay: Self.today,
            vocabulary: NicheVocabulary(niches: [:]))
        #expect(result.problems.isEmpty)
        return index
    }

    /// Six short videos over 10,000 views, ten long ones under, and one old hit outside the window.
    static let shortVideosWin: [Sample] =
        zip([15.0, 16, 17, 18, 19, 20], [80_000, 60_000, 40_000, 30_000, 20_000, 15_000]).enumerated().map {
            Sample(
                id: String(format: "a%011d", $0.offset), durationSeconds: $0.element.0, hookLength: 5,
                views: $0.element.1)
        }
        + (0..<10).map {
            Sample(
                id: String(format: "b%011d", $0), durationSeconds: 40 + Double($0) * 4, hookLength: 14,
                views: 9_000 - $0 * 800)
        }
        + [Sample(id: "c00000000000", durationSeconds: 90, hookLength: 14, views: 900_000, daysAgo: 40)]

    @Test func threeVideosGiveAHintNeverAFact() throws {
        let index = try seed([
            Sample(id: "a00000000001", durationSeconds: 20, hookLength: 6, views: 30_000),
            Sample(id: "a00000000002", durationSeconds: 30, hookLength: 8, views: 20_000),
            Sample(id: "a00000000003", durationSeconds: 60, hookLength: 12, views: 5_000),
        ])
        let insights = try index.insights(asOf: Self.today)
        #expect(insights.videoCount == 3 && insights.highPerformerCount == 2)
        #expect(insights.optimalDurationSeconds == 25 && insights.optimalHookLength == 7)
        let duration = try #require(insights.feature(.durationSeconds))
        #expect(duration.correlation.rho == -1 && duration.correlation.sampleSize == 3)
        #expect(duration.evidence == .insufficient && !duration.isSteering)
        #expect(duration.summary.en.hasPrefix("Too few videos to conclude about duration"))
        #expect(insights.recommendations.en[0].contains("a hint from only 2 videos, not yet a rule"))
        #expect(insights.recommendations.fr[0].hasPrefix("La durée optimale est autour de 25 secondes"))
        #expect(insights.recommendations.fr[0].contains("un indice tiré de seulement 2 vidéos, pas encore une règle"))

        let targets = InsightSteering(insights: insights).targets(
            for: GenerationRequest(niche: "fitness", durationSeconds: 45))
        #expect(targets == ScriptTargets(durationSeconds: 45), "no evidence, no change")
    }

    @Test func clearEvidenceSteersDurationAndHookAndSaysWhy() throws {
        let index = try seed(Self.shortVideosWin)
        let insights = try index.insights(asOf: Self.today)
        #expect(insights.videoCount == 16, "the 40-day-old numbers are outside the 30-day window")
        #expect(insights.highPerformerCount == 6)
        #expect(insights.optimalDurationSeconds == 18, "mean of 15…20 is 17.5")
        #expect(
            insights.optimalHookLength == 5 && insights.optimalHashtagCount == 3 && insights.viralityThreshold == 70)
        let duration = try #require(insights.feature(.durationSeconds))
        #expect(duration.correlation.rho == -1 && duration.correlation.sampleSize == 16)
        #expect(duration.evidence == .moderate, "p < 0.01 but fewer than 20 videos")
        #expect(duration.isSteering)
        #expect(duration.summary.en.hasPrefix("Shorter videos tend to get more views (ρ = −1.00, n = 16"))
        #expect(
            insights.feature(.hashtagCount)?.evidence == .insufficient, "every video has 3 hashtags: nothing to compare"
        )

        let targets = InsightSteering(insights: insights).targets(
            for: GenerationRequest(niche: "fitness", durationSeconds: 45))
        #expect(targets.durationSeconds == 20)
        #expect(targets.hookMaxWords == 5)
        #expect(targets.hashtagCount == ScriptTargets.defaultHashtagCount)
        #expect(targets.adjustments.count == 2)
        #expect(targets.adjustments[0].hasPrefix("duration 45 s → 20 s: insight `optimal_duration_seconds` = 18 s"))
        #expect(targets.adjustments[0].contains("moderate evidence"))
        let french = InsightSteering(insights: insights).targets(
            for: GenerationRequest(niche: "fitness", language: .fr, durationSeconds: 45))
        #expect(french.adjustments[0].hasPrefix("durée 45 s → 20 s : insight `optimal_duration_seconds`"))
    }

    @Test func insightsJSONIsPublishedAtomicallyBesideNichesJSON() throws {
        let index = try seed(Self.shortVideosWin)
        let outbox = index.url.deletingLastPathComponent().appendingPathComponent("outbox")
        let files = try LearningReports(index: index, outbox: outbox).publish(asOf: Self.today)
        #expect(files.map(\.lastPathComponent) == ["niches.json", "insights.json", "dashboard.html"])
        #expect(
            TestSupport.contents(of: outbox.appendingPathComponent("reports")) == [
                "dashboard.html", "insights.json", "niches.json",
            ])
        let insights = try JSONFiles.read(Insights.self, from: files[1])
        #expect(insights.optimalDurationSeconds == 18 && insights.features.count == LearningFeature.allCases.count)
        let niches = try JSONFiles.read(NichesReport.self, from: files[0])
        #expect(niches.niches.map(\.name) == ["fitness"] && niches.recommendations.first?.niche == "fitness")
    }
}
