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

@Suite struct ViralityRubricTests {
    @Test func criteriaHaveTheSeedsPointsAndReasons() throws {
        let library = try TemplateLibrary.load(from: TestSupport.templates)
        let request = GenerationRequest(
            niche: "fitness", topic: "squats", language: .en, durationSeconds: 30, images: 3)
        let script = OfflineScriptEngine(library: library).write(
            request: request, targets: ScriptTargets(durationSeconds: 30), trends: [], variant: 1)
        let score = ViralityRubric(lexicon: library.lexicon(for: .en))
            .score(script, niche: "fitness", targetDurationSeconds: 30, requestedScenes: 3)
        #expect(score.criteria.map(\.name) == ["hook", "structure", "timing", "emotional_triggers", "seo_hashtags"])
        #expect(score.criteria.map(\.maximum) == [25, 25, 20, 20, 10])
        #expect(score.total == score.criteria.map(\.points).reduce(0, +))
        #expect(score.criteria.allSatisfy { $0.points >= 0 && $0.points <= $0.maximum && !$0.reason.isEmpty })
    }

    @Test func aWeakScriptScoresLowerThanAGoodOne() throws {
        let library = try TemplateLibrary.load(from: TestSupport.templates)
        let rubric = ViralityRubric(lexicon: library.lexicon(for: .en))
        let good = OfflineScriptEngine(library: library).write(
            request: GenerationRequest(niche: "fitness", language: .en, durationSeconds: 30, images: 3),
            targets: ScriptTargets(durationSeconds: 30), trends: [], variant: 1)
        var weak = good
        weak.hook = "So today I am going to be talking to you about a few things regarding exercise in general"
        weak.callToAction = ""
        weak.hashtags = []
        weak.durationSeconds = 140
        let goodScore = rubric.score(good, niche: "fitness", targetDurationSeconds: 30, requestedScenes: 3)
        let weakScore = rubric.score(weak, niche: "fitness", targetDurationSeconds: 30, requestedScenes: 3)
        #expect(weakScore.total < goodScore.total - 20)
        #expect(weakScore.points(for: "timing") == 0)
        #expect(weakScore.points(for: "seo_hashtags")! < goodScore.points(for: "seo_hashtags")!)
    }
}
