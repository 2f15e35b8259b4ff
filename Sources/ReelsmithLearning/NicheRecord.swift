import Foundation
import GRDB
import ReelsmithCore

/// One niche's numbers and score: a row of the `niches` table, recomputed after every trends or
/// analytics file. Views and engagement are averaged over every observation of the niche — its
/// trends and the latest numbers of its videos; revenue over its videos with numbers.
package struct NicheRecord: Sendable, Codable, Equatable, FetchableRecord, PersistableRecord {
    package static let databaseTableName = "niches"

    package var name: String
    package var profitabilityScore: Double
    package var trendCount: Int
    /// Our videos and external ones in the niche, with or without numbers.
    package var videoCount: Int
    package var totalViews: Int
    package var totalEngagement: Int
    package var totalRevenue: Double
    package var avgViews: Double
    package var avgEngagement: Double
    package var avgRevenue: Double
    /// Trends dated within the last 7 days.
    package var trending: Int
    package var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case name, trending
        case profitabilityScore = "profitability_score"
        case trendCount = "trend_count"
        case videoCount = "video_count"
        case totalViews = "total_views"
        case totalEngagement = "total_engagement"
        case totalRevenue = "total_revenue"
        case avgViews = "avg_views"
        case avgEngagement = "avg_engagement"
        case avgRevenue = "avg_revenue"
        case updatedAt = "updated_at"
    }

    package var profitability: Profitability {
        Profitability(
            averageViews: avgViews, averageEngagement: avgEngagement, averageRevenue: avgRevenue, trendCount: trendCount
        )
    }
}
