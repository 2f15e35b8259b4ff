import Testing

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

/// The seed's formula, by hand: min(50, v/100000*50) + min(20, e/10000*20) + min(20, r/100*20) + (t >= 3 ? 10 : 5).
@Suite struct ProfitabilityTests {
    @Test(arguments: [
        (0.0, 0.0), (50_000.0, 25.0), (99_998.0, 49.999), (100_000.0, 50.0), (100_002.0, 50.0), (1_000_000.0, 50.0),
    ])
    func viewsEarnUpTo50(averageViews: Double, points: Double) {
        let score = Profitability(averageViews: averageViews, averageEngagement: 0, averageRevenue: 0, trendCount: 0)
        #expect(abs(score.views - points) < 1e-9)
    }

    @Test(arguments: [
        (0.0, 0.0), (2_500.0, 5.0), (9_999.0, 19.998), (10_000.0, 20.0), (10_001.0, 20.0), (80_000.0, 20.0),
    ])
    func engagementEarnsUpTo20(averageEngagement: Double, points: Double) {
        let score = Profitability(
            averageViews: 0, averageEngagement: averageEngagement, averageRevenue: 0, trendCount: 0)
        #expect(abs(score.engagement - points) < 1e-9)
    }

    @Test(arguments: [(0.0, 0.0), (3.10, 0.62), (99.5, 19.9), (100.0, 20.0), (100.01, 20.0), (5_000.0, 20.0)])
    func revenueEarnsUpTo20(averageRevenue: Double, points: Double) {
        let score = Profitability(averageViews: 0, averageEngagement: 0, averageRevenue: averageRevenue, trendCount: 0)
        #expect(abs(score.revenue - points) < 1e-9)
    }

    @Test(arguments: [(0, 5.0), (2, 5.0), (3, 10.0), (4, 10.0), (1_000, 10.0)])
    func threeTrendsOrMoreEarn10Else5(trendCount: Int, bonus: Double) {
        #expect(
            Profitability(averageViews: 0, averageEngagement: 0, averageRevenue: 0, trendCount: trendCount).trendBonus
                == bonus)
    }

    @Test func totalsAddTheParts() {
        // 250,000 views → 50 (capped); 35,000 engagement → 20 (capped); no revenue; one trend → 5.
        #expect(
            Profitability(averageViews: 250_000, averageEngagement: 35_000, averageRevenue: 0, trendCount: 1).total
                == 75)
        // 60,000 → 30; 7,000 → 14; 12.5 → 2.5; three trends → 10.
        #expect(
            Profitability(averageViews: 60_000, averageEngagement: 7_000, averageRevenue: 12.5, trendCount: 3).total
                == 56.5)
        // Everything at its cap: 50 + 20 + 20 + 10.
        #expect(
            Profitability(averageViews: 100_000, averageEngagement: 10_000, averageRevenue: 100, trendCount: 3).total
                == 100)
    }
}
