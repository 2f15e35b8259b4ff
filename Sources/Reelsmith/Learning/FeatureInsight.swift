/// What the last 30 days say about one feature: its rank correlation with views, how sure that
/// is, and its average among the high performers.
public struct FeatureInsight: Sendable, Codable, Equatable {
    public var feature: LearningFeature
    public var correlation: SpearmanCorrelation
    public var evidence: Evidence
    /// High performers (views > 10,000) that have this feature known.
    public var highPerformerCount: Int
    /// The feature's mean over those high performers.
    public var highPerformerAverage: Double?
    /// One sentence that says what the data show and how sure it is.
    public var summary: LocalizedText<String>

    enum CodingKeys: String, CodingKey {
        case feature, correlation, evidence, summary
        case highPerformerCount = "high_performer_count"
        case highPerformerAverage = "high_performer_average"
    }

    /// Enough high performers and a correlation unlikely to be chance: generation may follow it.
    public var isSteering: Bool { evidence.isSufficient && highPerformerCount >= InsightSteering.minimumHighPerformers }
}
