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

@Suite struct OfflineScriptEngineTests {
    let library: TemplateLibrary
    init() throws { library = try TemplateLibrary.load(from: TestSupport.templates) }

    private func write(_ request: GenerationRequest, variant: Int = 1, trends: [TrendHint] = []) -> Script {
        OfflineScriptEngine(library: library).write(
            request: request, targets: ScriptTargets(durationSeconds: request.durationSeconds), trends: trends,
            variant: variant)
    }

    @Test func sameRequestAndSeedGiveTheSameScript() {
        let request = GenerationRequest(niche: "fitness", topic: "squats", language: .en)
        #expect(write(request) == write(request))
        var reseeded = request
        reseeded.seed = 7
        #expect(write(reseeded) != write(request))
    }

    @Test(arguments: [Language.en, .fr])
    func scriptHasOneSceneEachImageWithHookFirstAndCTALast(language: Language) {
        let request = GenerationRequest(niche: "finance", topic: "budget", language: language, images: 6)
        let script = write(request)
        #expect(script.scenes.count == 6)
        #expect(script.scenes.map(\.index) == Array(1...6))
        #expect(script.scenes[0].narration.hasPrefix(script.hook))
        #expect(script.scenes[5].narration.hasSuffix(script.callToAction))
        #expect(script.language == language)
        #expect(script.template == "finance")
        #expect(script.hashtags.count == ScriptTargets.defaultHashtagCount)
        #expect(script.hashtags.allSatisfy { $0.hasPrefix("#") })
        #expect(!script.scenes.contains { $0.imagePrompt.isEmpty || $0.keyPhrase.isEmpty })
        #expect(!script.script.contains("{topic}") && !script.script.contains("{Topic}"))
    }

    @Test func frenchAliasFindsTheNicheTemplate() {
        let script = write(GenerationRequest(niche: "Cuisine", language: .fr))
        #expect(script.template == "cooking")
    }

    @Test func unknownNicheFallsBackToGenericAndTagsTheNiche() {
        let script = write(GenerationRequest(niche: "astronomy", topic: "black holes", language: .en))
        #expect(script.template == "generic")
        #expect(script.hashtags.first == "#astronomy")
    }

    @Test(arguments: [15, 45, 120])
    func estimatedDurationFollowsTheTarget(seconds: Int) {
        let script = write(GenerationRequest(niche: "motivation", language: .en, durationSeconds: seconds, images: 4))
        #expect(abs(script.durationSeconds - seconds) <= max(4, seconds / 5))
    }

    @Test func bestTrendBecomesTheTopicWhenNoneIsGiven() {
        let script = write(
            GenerationRequest(niche: "fitness", language: .en),
            trends: [TrendHint(title: "the plank challenge", views: 90000)])
        // The trend is the topic (in the title), not only the cited trend line.
        #expect(script.title.lowercased().contains("the plank challenge"))
    }
}
