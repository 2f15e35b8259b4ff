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

/// Issue 23: best-of-N ranks by this creator's calibrated total only once it passed validation.
@Suite struct ScriptChoiceCalibrationTests {
    private func variant(_ number: Int) -> ScriptVariant {
        ScriptVariant(
            variant: number, engine: EngineLabel.offline,
            script: Script(
                title: "Variant \(number)", hook: "Hook \(number)", script: "Hook \(number). Follow.", scenes: [],
                hashtags: ["#a"], description: "d", callToAction: "Follow", durationSeconds: 30, language: .en,
                template: "generic"))
    }

    private func scored(_ number: Int, _ points: [Int]) -> ScoredVariant {
        let score = ViralityScore(
            criteria: zip(zip(VideoCriteria.names, VideoCriteria.maximums), points).map {
                .init(name: $0.0, points: $1, maximum: $0.1, reason: "")
            })
        return ScoredVariant(
            variant: number, engine: EngineLabel.offline, isModelScore: false, score: score, offlineScore: score)
    }

    private func calibration(_ status: ScoreCalibration.Status) -> ScoreCalibration {
        let fitted = ScoreWeights(points: [70, 10, 5, 10, 5])
        return ScoreCalibration(
            status: status, weights: status == .validated ? fitted : .seed, fitted: fitted, trainingCount: 240,
            heldOutCount: 60, heldOutSeed: nil, heldOutFit: nil, reason: LocalizedText(en: "", fr: ""))
    }

    @Test func bestOfNUsesTheCalibratedTotalOnlyAfterValidation() throws {
        let written = [variant(1), variant(2)]
        // Variant 1 wins on the seed's weights (80 against 60), variant 2 on the hook-heavy calibrated ones.
        let scores = [1: scored(1, [5, 25, 20, 20, 10]), 2: scored(2, [25, 10, 10, 10, 5])]
        let targets = ScriptTargets(durationSeconds: 30)
        let seedOnly = try ScriptStep.choose(written: written, scored: scores, targets: targets)
        #expect(seedOnly.choice.chosenVariant == 1 && seedOnly.choice.score.total == 80)
        #expect(seedOnly.choice.calibratedTotal == nil && seedOnly.choice.calibration == nil)

        let refused = try ScriptStep.choose(
            written: written, scored: scores, targets: targets, calibration: calibration(.refused))
        #expect(refused.choice.chosenVariant == 1)
        #expect(refused.choice.calibratedTotal == nil && refused.choice.calibration == "refused")
        #expect(refused.choice.variants.allSatisfy { $0.calibratedTotal == nil })

        let validated = try ScriptStep.choose(
            written: written, scored: scores, targets: targets, calibration: calibration(.validated))
        #expect(validated.choice.chosenVariant == 2)
        // The seed total stays beside the calibrated one: 60 and 70·25/25 + 10·10/25 + 5·10/20 + 10·10/20 + 5·5/10 = 84.
        #expect(validated.choice.score.total == 60 && validated.choice.calibratedTotal == 84)
        #expect(validated.choice.variants.map(\.calibratedTotal) == [44, 84])
        #expect(validated.choice.calibratedWeights?.points == [70, 10, 5, 10, 5])
        // virality.json carries both totals.
        let json = String(decoding: try JSONEncoder().encode(validated.choice), as: UTF8.self)
        #expect(json.contains("\"calibrated_total\":84") && json.contains("\"calibration\":\"validated\""))
    }
}
