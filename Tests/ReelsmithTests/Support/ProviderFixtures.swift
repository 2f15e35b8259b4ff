import Foundation
import Synchronization

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

/// Clients, engines and model answers for the provider tests, all against one
/// ``LocalProviderServer`` per test.
enum ProviderFixtures {
    /// A key that must never appear in any output.
    static let secret = "sk-test-DO-NOT-LEAK-4f9a8b7c6d5e"

    static func settings(
        _ server: LocalProviderServer, key: String? = secret, maxInFlight: Int = 4, timeoutSeconds: Double = 5,
        maxResponseBytes: Int = 1 << 20
    ) -> ProviderSettings {
        var settings = ProviderSettings(
            name: "local", baseURL: URL(string: server.baseURL)!,
            key: key.map { .environment("TEST_PROVIDER_KEY", value: $0) } ?? .none)
        settings.maxInFlight = maxInFlight
        settings.timeoutSeconds = timeoutSeconds
        settings.maxResponseBytes = maxResponseBytes
        return settings
    }

    static func client(
        _ server: LocalProviderServer, key: String? = secret, maxRetries: Int = 2, maxInFlight: Int = 4,
        timeoutSeconds: Double = 5, maxResponseBytes: Int = 1 << 20
    ) -> ProviderClient {
        ProviderClient(
            settings: settings(
                server, key: key, maxInFlight: maxInFlight, timeoutSeconds: timeoutSeconds,
                maxResponseBytes: maxResponseBytes),
            retry: RetryPolicy(maxRetries: maxRetries, baseDelaySeconds: 0.05))
    }

    /// Records every usage entry a model reports.
    final class UsageLog: Sendable {
        private let entries = Mutex<[ProviderUsage]>([])
        var all: [ProviderUsage] { entries.withLock { $0 } }
        func append(_ usage: ProviderUsage) { entries.withLock { $0.append(usage) } }
    }

    static func model(_ client: ProviderClient, stage: EngineStage = .script, usage: UsageLog = UsageLog()) -> ChatModel
    {
        ChatModel(client: client, engine: .init(provider: client.name, model: "test-model"), stage: stage) {
            usage.append($0)
        }
    }

    static func brief(language: Language = .en, scenes: Int = 2, variants: Int = 1) -> ScriptBrief {
        var request = GenerationRequest(niche: "fitness", topic: "the 10-minute morning workout", language: language)
        request.durationSeconds = 15
        request.images = scenes
        request.variants = variants
        return ScriptBrief(
            request: request, targets: ScriptTargets(durationSeconds: 15),
            trends: [TrendHint(title: "Wake up strong", views: 1200)],
            insights: ["Videos around 30 seconds do best."])
    }

    static func writer(_ client: ProviderClient, usage: UsageLog = UsageLog()) throws -> ChatScriptWriter {
        let templates = try TemplateLibrary.load(from: TestSupport.templates)
        return ChatScriptWriter(
            model: model(client, usage: usage), templateNiche: "fitness", stopwords: templates.foldedStopwords)
    }

    /// A script as a model writes it, `marker` in its title so a test can find its words.
    static func scriptAnswer(scenes: Int = 2, language: Language = .en, marker: String = "Model") -> String {
        let english = [
            "You can build real strength at home with nothing but ten focused minutes every single morning.",
            "Start with squats and push ups, then hold a plank until your whole body is shaking and awake.",
            "Keep the rest short between each move so that your heart rate stays high for the entire time.",
        ]
        let french = [
            "Tu peux devenir vraiment fort à la maison avec seulement dix minutes chaque matin, et sans matériel.",
            "Commence par des squats et des pompes, puis tiens la planche jusqu'à ce que tout ton corps se réveille.",
            "Garde des pauses courtes entre les exercices pour que ton cœur reste haut pendant tout le temps.",
        ]
        let lines = language == .en ? english : french
        let sceneObjects = (0..<scenes).map { index in
            [
                "narration": lines[index % lines.count],
                "key_phrase": language == .en ? "Ten minutes a day" : "Dix minutes par jour",
                "image_prompt": "a person doing squats in a bright living room at sunrise",
            ]
        }
        let object: [String: Any] = [
            "title": "\(marker): \(language == .en ? "The ten-minute morning workout" : "La séance de dix minutes")",
            "hook": language == .en
                ? "What if ten minutes could change your whole day?"
                : "Et si dix minutes changeaient toute ta journée ?",
            "scenes": sceneObjects,
            "hashtags": ["#fitness", "#workout", "#morningroutine"],
            "description": language == .en
                ? "A quick workout you can do before breakfast." : "Une séance rapide à faire avant le petit déjeuner.",
            "call_to_action": language == .en
                ? "Follow for tomorrow's routine." : "Abonne-toi pour la routine de demain.",
        ]
        return String(
            decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    /// A score as a model gives it; `points` for each criterion, before our caps.
    static func scoreAnswer(_ points: [String: Double]) -> String {
        var object: [String: Any] = [:]
        for criterion in ScoreSchema.criteria {
            object[criterion.name] = [
                "points": points[criterion.name] ?? 10, "reason": "Reason for \(criterion.name).",
            ]
        }
        return String(
            decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    /// The `response_format` a chat request asked for.
    static func responseFormat(_ request: LocalProviderServer.Request) -> String? {
        (request.json?["response_format"] as? [String: Any])?["type"] as? String
    }

    /// The text of a chat request's messages, joined.
    static func messagesText(_ request: LocalProviderServer.Request) -> String {
        ((request.json?["messages"] as? [[String: Any]]) ?? []).compactMap { $0["content"] as? String }.joined(
            separator: "\n")
    }

    /// Whether a chat request asks for a score (else a script).
    static func isScoring(_ request: LocalProviderServer.Request) -> Bool {
        let format = request.json?["response_format"] as? [String: Any]
        let name = (format?["json_schema"] as? [String: Any])?["name"] as? String
        return name == ScoreSchema.name || messagesText(request).contains("virality")
            || messagesText(request).contains("You review scripts")
    }
}
