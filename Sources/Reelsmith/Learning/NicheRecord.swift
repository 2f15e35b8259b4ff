import Foundation
import GRDB

/// One niche's numbers and score: a row of the `niches` table, recomputed after every trends or
/// analytics file. Views and engagement are averaged over every observation of the niche — its
/// trends and the latest numbers of its videos; revenue over its videos with numbers.
public struct NicheRecord: Sendable, Codable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "niches"

    public var name: String
    public var profitabilityScore: Double
    public var trendCount: Int
    /// Our videos and external ones in the niche, with or without numbers.
    public var videoCount: Int
    public var totalViews: Int
    public var totalEngagement: Int
    public var totalRevenue: Double
    public var avgViews: Double
    public var avgEngagement: Double
    public var avgRevenue: Double
    /// Trends dated within the last 7 days.
    public var trending: Int
    public var updatedAt: Date

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

    public var profitability: Profitability {
        Profitability(averageViews: avgViews, averageEngagement: avgEngagement, averageRevenue: avgRevenue, trendCount: trendCount)
    }
}
