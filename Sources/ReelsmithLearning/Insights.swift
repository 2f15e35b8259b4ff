import Foundation
import ReelsmithCore

/// The optimisation insights (seed: `get_optimization_insights`) over the videos whose latest
/// numbers were read in the 30 days up to the newest analytics day in the index (not today: an
/// export imported weeks after it was made still counts, issue 11): high performers (views > 10,000), optimal duration,
/// virality threshold, optimal hashtag count and hook length, and — beyond the seed — each
/// feature's Spearman correlation with views, its sample size and how sure it is.
/// Written to `outbox/reports/insights.json`, read by the next generation.
package struct Insights: Sendable, Codable, Equatable {
    package static let windowDays = 30
    package static let highPerformerViews = 10_000

    package var generatedAt: Date
    /// The window: numbers read from `since` to `asOf`, both included.
    package var asOf: CalendarDay
    package var since: CalendarDay
    /// Videos with numbers in the window (ours and external).
    package var videoCount: Int
    /// Videos whose latest numbers are older than the window (they are not counted).
    package var olderVideoCount = 0
    /// "30 days up to 25 March 2026: 15 videos", and what lies before the window.
    package var window = LocalizedText(en: "", fr: "")
    package var highPerformerCount: Int
    /// Mean duration of the high performers, whole seconds.
    package var optimalDurationSeconds: Int?
    /// Mean virality score of the high performers.
    package var viralityThreshold: Int?
    /// Mean hashtag count of the high performers, rounded.
    package var optimalHashtagCount: Int?
    /// Mean hook length of the high performers, in words, rounded.
    package var optimalHookLength: Int?
    package var features: [FeatureInsight]
    package var recommendations: LocalizedText<[String]>
    /// Best posting hours, follower growth, audience shares and the account's daily numbers,
    /// from TikTok Studio's account-level export files.
    package var audience = AudienceInsights.empty
    /// Does the virality score predict views, over every video with views and a score (the back
    /// catalogue too, not only the window), and this creator's calibrated weights (issue 23).
    package var scorePrediction: ScorePrediction?

    enum CodingKeys: String, CodingKey {
        case since, features, recommendations, window, audience
        case scorePrediction = "score_prediction"
        case olderVideoCount = "older_video_count"
        case generatedAt = "generated_at"
        case asOf = "as_of"
        case videoCount = "video_count"
        case highPerformerCount = "high_performer_count"
        case optimalDurationSeconds = "optimal_duration_seconds"
        case viralityThreshold = "virality_threshold"
        case optimalHashtagCount = "optimal_hashtag_count"
        case optimalHookLength = "optimal_hook_length"
    }

    package func feature(_ feature: LearningFeature) -> FeatureInsight? {
        features.first { $0.feature == feature }
    }
}
