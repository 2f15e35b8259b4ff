import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// Writes scripts from `templates/scripts/` without any network: deterministic for a given
/// request, seed and variant number.
package struct OfflineScriptEngine: Sendable {
    package let library: TemplateLibrary

    package init(library: TemplateLibrary) {
        self.library = library
    }

    package func write(request: GenerationRequest, targets: ScriptTargets, trends: [TrendHint], variant: Int) -> Script
    {
        let template = library.template(niche: request.niche, language: request.language)
        let lexicon = library.lexicon(for: request.language)
        var random = SeededGenerator(
            text:
                "\(request.niche)|\(request.topic ?? "")|\(request.tone)|\(request.language)|\(request.seed)|\(variant)"
        )
        let topic = request.topic ?? trends.first?.title ?? request.niche
        func fill(_ text: String) -> String {
            text.replacingOccurrences(of: "{Topic}", with: ScriptText.capitalizedFirst(topic))
                .replacingOccurrences(of: "{topic}", with: topic)
        }

        let tone = template.tone(named: request.tone).tone
        let fittingHooks = tone.hooks.filter { ScriptText.wordCount(fill($0)) <= targets.hookMaxWords }
        let hookTemplate = (fittingHooks.isEmpty ? tone.hooks : fittingHooks).randomElement(using: &random)!
        let hook = fill(hookTemplate)
        let callToAction = fill(tone.ctas.randomElement(using: &random)!)
        let title = fill(template.titles.randomElement(using: &random)!)

        // The topic is said early: when the hook does not name it, a point that does comes first.
        var first: [String] = []
        if let trend = trends.first(where: { $0.title != topic }) ?? trends.first {
            first.append(trendLine(trend, language: request.language))
        }
        let namesTopic = { (text: String) in text.contains("{topic}") || text.contains("{Topic}") }
        if !namesTopic(hookTemplate), let point = template.points.filter(namesTopic).randomElement(using: &random) {
            first.insert(point, at: 0)
        }
        var pool = PointPool(points: template.points, first: first, random: random, fill: fill)
        let wordsWanted = Int(
            (Double(targets.durationSeconds) * SpeakingRate.wordsPerSecond(request.language)).rounded())
        let bodyWords = max(0, wordsWanted - ScriptText.wordCount(hook) - ScriptText.wordCount(callToAction))
        let stopwords = Set(lexicon.stopwords.map(Slug.fold))

        var scenes: [Script.Scene] = []
        var remaining = bodyWords
        for index in 1...request.images {
            let budget = remaining / (request.images - index + 1)
            // The first and last scenes already speak the hook and the call to action: in a
            // short video they may carry nothing else. Every other scene says at least one point.
            let framed = index == 1 || index == request.images
            var sentences: [String] = []
            var count = 0
            while sentences.isEmpty ? (!framed || budget >= 6) : count + 4 < budget {
                let sentence = pool.next()
                sentences.append(sentence)
                count += ScriptText.wordCount(sentence)
            }
            remaining -= count
            var parts = sentences
            if index == 1 { parts.insert(hook, at: 0) }
            if index == request.images { parts.append(callToAction) }
            let keyPhrase =
                index == 1
                ? ScriptText.keyPhrase(from: title, limit: 8, stopwords: stopwords)
                : ScriptText.keyPhrase(from: sentences.first ?? callToAction, limit: 7, stopwords: stopwords)
            scenes.append(
                Script.Scene(
                    index: index, narration: parts.joined(separator: " "), keyPhrase: keyPhrase,
                    imagePrompt:
                        "\(keyPhrase.trimmingCharacters(in: CharacterSet(charactersIn: "…"))), \(template.imageStyle), vertical 9:16"
                ))
        }

        let hashtags = hashtagList(template: template, niche: request.niche, count: targets.hashtagCount)
        let narration = scenes.map(\.narration).joined(separator: "\n\n")
        let words = ScriptText.wordCount(narration)
        let description = fill(template.descriptions.randomElement(using: &random)!)
        return Script(
            title: title, hook: hook, script: narration, scenes: scenes, hashtags: hashtags,
            description: description + "\n\n" + hashtags.joined(separator: " "), callToAction: callToAction,
            durationSeconds: Int((Double(words) / SpeakingRate.wordsPerSecond(request.language)).rounded()),
            language: request.language, template: template.niche)
    }

    private func hashtagList(template: ScriptTemplate, niche: String, count: Int) -> [String] {
        var tags: [String] = []
        let nicheTag = Slug.make(niche).replacingOccurrences(of: "-", with: "")
        if template.niche == ScriptTemplate.genericNiche, !nicheTag.isEmpty { tags.append(nicheTag) }
        for tag in template.hashtags where !tags.contains(tag) { tags.append(tag) }
        return tags.prefix(max(0, count)).map { "#" + $0 }
    }

    private func trendLine(_ trend: TrendHint, language: Language) -> String {
        let views = trend.views.formatted(
            .number.grouping(.automatic).locale(Locale(identifier: language == .fr ? "fr_FR" : "en_US")))
        return switch language {
        case .fr: "En ce moment, \(trend.title) cumule \(views) vues, et ce n'est pas un hasard."
        case .en: "Right now, \(trend.title) is pulling \(views) views, and that is no accident."
        }
    }
}

/// Body sentences drawn without repeats until the pool runs dry, then reshuffled; `first` are
/// said before the rest and not repeated in the first round.
private struct PointPool {
    private let points: [String]
    private var queue: [String]
    private var random: SeededGenerator
    private let fill: (String) -> String

    package init(points: [String], first: [String], random: SeededGenerator, fill: @escaping (String) -> String) {
        self.points = points
        self.random = random
        self.fill = fill
        let rest = points.filter { !first.contains($0) }.shuffled(using: &self.random)
        queue = (first + rest).reversed()
    }

    package mutating func next() -> String {
        if queue.isEmpty { queue = points.shuffled(using: &random).reversed() }
        return fill(queue.removeLast())
    }
}
