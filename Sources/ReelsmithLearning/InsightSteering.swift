import ReelsmithCore

/// Turns the insights into the next script's targets (DESIGN §2: "the next generation reads these
/// insights"). A target moves only when the evidence is sufficient — at least 5 high performers
/// have the feature and its correlation with views is unlikely to be chance — and each move is
/// written in `adjustments`, which lands in `virality.json` and `report.json`.
package struct InsightSteering: Sendable {
    package static let minimumHighPerformers = 5

    package let insights: Insights

    package init(insights: Insights) {
        self.insights = insights
    }

    package func targets(for request: GenerationRequest) -> ScriptTargets {
        var targets = ScriptTargets(durationSeconds: request.durationSeconds)
        let language = request.language
        if let insight = steering(.durationSeconds), let optimum = insights.optimalDurationSeconds {
            let range = GenerationRequest.durationRange
            let wanted = min(range.upperBound, max(range.lowerBound, Int((Double(optimum) / 5).rounded()) * 5))
            if abs(wanted - targets.durationSeconds) >= 5 {
                targets.adjustments.append(
                    adjustment(
                        language == .fr
                            ? "durée \(targets.durationSeconds) s → \(wanted) s"
                            : "duration \(targets.durationSeconds) s → \(wanted) s",
                        insight: insight, name: "optimal_duration_seconds", value: "\(optimum) s", language: language))
                targets.durationSeconds = wanted
            }
        }
        if let insight = steering(.hashtagCount), let optimum = insights.optimalHashtagCount {
            let wanted = min(10, max(1, optimum))
            if wanted != targets.hashtagCount {
                targets.adjustments.append(
                    adjustment(
                        "hashtags \(targets.hashtagCount) → \(wanted)", insight: insight, name: "optimal_hashtag_count",
                        value: "\(optimum)", language: language))
                targets.hashtagCount = wanted
            }
        }
        if let insight = steering(.hookLength), let optimum = insights.optimalHookLength {
            let wanted = min(20, max(4, optimum))
            if wanted != targets.hookMaxWords {
                targets.adjustments.append(
                    adjustment(
                        language == .fr
                            ? "hook ≤ \(targets.hookMaxWords) → ≤ \(wanted) mots"
                            : "hook ≤ \(targets.hookMaxWords) → ≤ \(wanted) words",
                        insight: insight, name: "optimal_hook_length", value: "\(optimum)", language: language))
                targets.hookMaxWords = wanted
            }
        }
        return targets
    }

    private func steering(_ feature: LearningFeature) -> FeatureInsight? {
        insights.feature(feature).flatMap { $0.isSteering ? $0 : nil }
    }

    private func adjustment(_ change: String, insight: FeatureInsight, name: String, value: String, language: Language)
        -> String
    {
        let threshold = InsightWording.count(Insights.highPerformerViews, language)
        let stats = InsightWording.statistics(insight.correlation, language)
        return language == .fr
            ? "\(change) : insight `\(name)` = \(value) (moyenne de \(insight.highPerformerCount) vidéos à plus de \(threshold) vues ; "
                + "Spearman \(stats), preuve \(insight.evidence.rawValue) ; insights du \(insights.asOf))"
            : "\(change): insight `\(name)` = \(value) (average of \(insight.highPerformerCount) videos over \(threshold) views; "
                + "Spearman \(stats), \(insight.evidence.rawValue) evidence; insights of \(insights.asOf))"
    }
}
