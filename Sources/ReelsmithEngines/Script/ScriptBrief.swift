import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// What a script engine is asked for: the request, the targets the learning loop set, the niche's
/// trends and the insights' advice in the request's language.
package struct ScriptBrief: Sendable, Equatable {
    package var request: GenerationRequest
    package var targets: ScriptTargets
    package var trends: [TrendHint]
    /// The learning loop's recommendations, as sentences.
    package var insights: [String]

    package init(request: GenerationRequest, targets: ScriptTargets, trends: [TrendHint], insights: [String]) {
        self.request = request
        self.targets = targets
        self.trends = trends
        self.insights = insights
    }
}
