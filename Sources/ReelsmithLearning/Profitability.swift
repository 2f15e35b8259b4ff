import ReelsmithCore

/// A niche's profitability, 0–100, exactly as the seed's NicheAnalyzer defines it (DESIGN §2):
/// `min(50, avg_views/100000*50) + min(20, avg_engagement/10000*20) + min(20, avg_revenue/100*20)
/// + (trend_count >= 3 ? 10 : 5)`. Kept in parts so reports can show where a score comes from.
package struct Profitability: Sendable, Codable, Equatable {
    /// 0–50: 100,000 average views or more earn all 50.
    package var views: Double
    /// 0–20: 10,000 average engagements (likes + comments + shares) or more earn all 20.
    package var engagement: Double
    /// 0–20: an average revenue of 100 or more earns all 20.
    package var revenue: Double
    /// 10 with 3 trends or more, else 5.
    package var trendBonus: Double

    package var total: Double { views + engagement + revenue + trendBonus }

    enum CodingKeys: String, CodingKey {
        case views, engagement, revenue
        case trendBonus = "trend_bonus"
    }

    package static let formula =
        "min(50, avg_views/100000*50) + min(20, avg_engagement/10000*20) + min(20, avg_revenue/100*20) + (trend_count >= 3 ? 10 : 5)"

    package init(averageViews: Double, averageEngagement: Double, averageRevenue: Double, trendCount: Int) {
        views = min(50, averageViews / 100_000 * 50)
        engagement = min(20, averageEngagement / 10_000 * 20)
        revenue = min(20, averageRevenue / 100 * 20)
        trendBonus = trendCount >= 3 ? 10 : 5
    }
}
