import Foundation
import HeadlessChromium
import LocalProviderServer
import Reelsmith
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// `reelsmith bench providers`: what the provider layer adds to a model's own time, measured
/// against a server that answers after a fixed delay. The script writer runs whole (prompt,
/// JSON encoding, HTTP through URLSession, decoding, the answer's checks), so the overhead is
/// everything but the model.
package struct ProviderBenchmark: Sendable {
    package struct Result: Sendable {
        package var requests: Int
        package var delaySeconds: Double
        /// Per sequential request: wall time minus the server's delay.
        package var overheadMilliseconds: [Double]
        package var variants: Int
        /// Wall time of `variants` scripts asked for at once.
        package var variantsSeconds: Double
    }

    package let templates: URL

    package init(templates: URL) {
        self.templates = templates
    }

    /// A request like the bundled example: English, 45 s, 5 scenes.
    package static func brief() -> ScriptBrief {
        var request = GenerationRequest(
            niche: "fitness", topic: "the 10-minute morning workout", tone: "energetic", language: .en)
        request.durationSeconds = 45
        request.images = 5
        return ScriptBrief(request: request, targets: ScriptTargets(durationSeconds: 45), trends: [], insights: [])
    }

    /// A valid model answer for ``brief()``: the offline engine's script in the model's JSON shape.
    package func modelAnswer() throws -> String {
        let library = try TemplateLibrary.load(from: templates)
        let brief = Self.brief()
        let script = OfflineScriptEngine(library: library)
            .write(request: brief.request, targets: brief.targets, trends: [], variant: 1)
        let answer = ModelScript(
            title: script.title, hook: script.hook,
            scenes: script.scenes.map {
                .init(narration: $0.narration, keyPhrase: $0.keyPhrase, imagePrompt: $0.imagePrompt)
            },
            hashtags: script.hashtags, description: "A ten-minute routine to start the day.",
            callToAction: script.callToAction)
        return String(decoding: try JSONEncoder().encode(answer), as: UTF8.self)
    }

    package func run(baseURL: URL, delaySeconds: Double, requests: Int, variants: Int) async throws -> Result {
        let library = try TemplateLibrary.load(from: templates)
        var settings = ProviderSettings(name: "bench", baseURL: baseURL)
        settings.maxInFlight = max(4, variants)
        let client = ProviderClient(settings: settings)
        let stopwords = library.foldedStopwords
        let writer = ChatScriptWriter(
            model: ChatModel(client: client, engine: .init(provider: "bench", model: "bench-model"), stage: .script) {
                _ in
            },
            templateNiche: "fitness", stopwords: stopwords)
        var brief = Self.brief()
        _ = try await writer.write(brief, variant: 1)  // connection and first-call costs out of the figures

        let clock = ContinuousClock()
        var overheads: [Double] = []
        for request in 1...max(1, requests) {
            let start = clock.now
            _ = try await writer.write(brief, variant: request)
            overheads.append(((clock.now - start).seconds - delaySeconds) * 1000)
        }
        brief.request.variants = variants
        let concurrentBrief = brief
        let start = clock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for variant in 1...max(1, variants) {
                group.addTask { _ = try await writer.write(concurrentBrief, variant: variant) }
            }
            try await group.waitForAll()
        }
        return Result(
            requests: overheads.count, delaySeconds: delaySeconds, overheadMilliseconds: overheads, variants: variants,
            variantsSeconds: (clock.now - start).seconds)
    }
}
