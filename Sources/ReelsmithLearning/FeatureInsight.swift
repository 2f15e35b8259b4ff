import ReelsmithCore

/// What the last 30 days say about one feature: its rank correlation with views, how sure that
/// is, and its average among the high performers.
package struct FeatureInsight: Sendable, Codable, Equatable {
    package var feature: LearningFeature
    package var correlation: SpearmanCorrelation
    package var evidence: Evidence
    /// High performers (views > 10,000) that have this feature known.
    package var highPerformerCount: Int
    /// The feature's mean over those high performers.
    package var highPerformerAverage: Double?
    /// One sentence that says what the data show and how sure it is.
    package var summary: LocalizedText<String>

    enum CodingKeys: String, CodingKey {
        case feature, correlation, evidence, summary
        case highPerformerCount = "high_performer_count"
        case highPerformerAverage = "high_performer_average"
    }

    /// Enough high performers and a correlation unlikely to be chance: generation may follow it.
    package var isSteering: Bool {
        evidence.isSufficient && highPerformerCount >= InsightSteering.minimumHighPerformers
    }
}
