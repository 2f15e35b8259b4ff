/// What a script engine is asked for: the request, the targets the learning loop set, the niche's
/// trends and the insights' advice in the request's language.
struct ScriptBrief: Sendable, Equatable {
    var request: GenerationRequest
    var targets: ScriptTargets
    var trends: [TrendHint]
    /// The learning loop's recommendations, as sentences.
    var insights: [String]
}
