import Testing

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

@Suite struct SpearmanCorrelationTests {
    @Test func matchesScipyOnItsDocumentedExample() throws {
        // scipy.stats.spearmanr([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) → 0.8207826816681233, p 0.0885870053135438
        let correlation = SpearmanCorrelation([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])
        #expect(abs(try #require(correlation.rho) - 0.8207826816681233) < 1e-12)
        #expect(abs(try #require(correlation.pValue) - 0.0885870053135438) < 1e-9)
        #expect(correlation.sampleSize == 5)
    }

    @Test func withoutTiesItIsOneMinusSixSumOfSquaredRankDifferences() throws {
        // Neighbours swapped: every |d| = 1, Σd² = 10, ρ = 1 − 6·10 / (10·99) = 0.93939…
        let correlation = SpearmanCorrelation((1...10).map(Double.init), [2, 1, 4, 3, 6, 5, 8, 7, 10, 9])
        #expect(abs(try #require(correlation.rho) - (1 - 60.0 / 990)) < 1e-12)
        // t = ρ·√(8 / (1 − ρ²)) ≈ 7.75 with 8 degrees of freedom: p ≈ 5.5e-5.
        #expect(try #require(correlation.pValue) < 1e-4)
        #expect(Evidence(correlation) == .moderate, "p < 0.01 but fewer than 20 videos")
    }

    @Test func tiesShareTheirAverageRank() {
        #expect(SpearmanCorrelation.ranks([10, 20, 20, 30]) == [1, 2.5, 2.5, 4])
        #expect(SpearmanCorrelation.ranks([3, 1, 2]) == [3, 1, 2])
    }

    @Test func monotoneSeriesGiveOneOrMinusOneAndConstantGivesNothing() {
        #expect(SpearmanCorrelation([1, 2, 3, 4], [10, 100, 1000, 10000]).rho == 1)
        #expect(SpearmanCorrelation([1, 2, 3, 4], [4, 3, 2, 1]).rho == -1)
        #expect(SpearmanCorrelation([1, 2, 3, 4], [4, 3, 2, 1]).pValue == 0)
        let constant = SpearmanCorrelation([5, 5, 5, 5], [1, 2, 3, 4])
        #expect(constant.rho == nil && constant.pValue == nil && constant.sampleSize == 4)
        #expect(SpearmanCorrelation([1, 2], [2, 1]).rho == nil, "two points rank nothing")
    }

    @Test func incompleteBetaAtKnownPoints() {
        #expect(abs(SpearmanCorrelation.regularizedIncompleteBeta(0.5, a: 1, b: 1) - 0.5) < 1e-12)
        #expect(abs(SpearmanCorrelation.regularizedIncompleteBeta(0.3, a: 2, b: 1) - 0.09) < 1e-12)
        #expect(abs(SpearmanCorrelation.regularizedIncompleteBeta(0.5, a: 3, b: 3) - 0.5) < 1e-12)
    }

    @Test func evidenceNeedsSampleAndSignificance() {
        let three = SpearmanCorrelation([1, 2, 3], [1, 2, 3])
        #expect(Evidence(three) == .insufficient, "3 videos are never a fact, even perfectly ranked")
        let strong = SpearmanCorrelation((1...24).map(Double.init), (1...24).map { Double(100 - $0) })
        #expect(Evidence(strong) == .strong)
        let noise = SpearmanCorrelation((1...10).map(Double.init), [5, 1, 9, 3, 7, 2, 10, 4, 8, 6])
        #expect(Evidence(noise) == .weak)
    }
}
