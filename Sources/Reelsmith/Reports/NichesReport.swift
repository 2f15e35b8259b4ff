import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// `outbox/reports/niches.json`: every niche with its score, the formula's parts, its totals and
/// averages, and the ranked recommendation list (seed: NicheAnalyzer).
package struct NichesReport: Sendable, Codable, Equatable {
    package struct Niche: Sendable, Codable, Equatable {
        package var rank: Int
        package var name: String
        package var profitabilityScore: Double
        package var components: Profitability
        package var trendCount: Int
        package var videoCount: Int
        package var trending: Int
        package var totalViews: Int
        package var totalEngagement: Int
        package var totalRevenue: Double
        package var avgViews: Double
        package var avgEngagement: Double
        package var avgRevenue: Double

        enum CodingKeys: String, CodingKey {
            case rank, name, components, trending
            case profitabilityScore = "profitability_score"
            case trendCount = "trend_count"
            case videoCount = "video_count"
            case totalViews = "total_views"
            case totalEngagement = "total_engagement"
            case totalRevenue = "total_revenue"
            case avgViews = "avg_views"
            case avgEngagement = "avg_engagement"
            case avgRevenue = "avg_revenue"
        }
    }

    package struct Recommendation: Sendable, Codable, Equatable {
        package var rank: Int
        package var niche: String
        package var score: Double
        package var reason: LocalizedText<String>
    }

    /// How many niches the recommendation list names.
    package static let recommendationCount = 5

    package var generatedAt: Date
    package var formula: String
    package var niches: [Niche]
    package var recommendations: [Recommendation]

    enum CodingKeys: String, CodingKey {
        case formula, niches, recommendations
        case generatedAt = "generated_at"
    }

    package init(niches records: [NicheRecord], generatedAt: Date = Date()) {
        self.generatedAt = generatedAt
        formula = Profitability.formula
        let ranked = NicheAnalyzer.ranked(records)
        niches = ranked.enumerated().map { offset, record in
            Niche(
                rank: offset + 1, name: record.name,
                profitabilityScore: (record.profitabilityScore * 100).rounded() / 100,
                components: record.profitability, trendCount: record.trendCount, videoCount: record.videoCount,
                trending: record.trending, totalViews: record.totalViews, totalEngagement: record.totalEngagement,
                totalRevenue: record.totalRevenue, avgViews: record.avgViews, avgEngagement: record.avgEngagement,
                avgRevenue: record.avgRevenue)
        }
        recommendations = niches.prefix(Self.recommendationCount).map { niche in
            Recommendation(
                rank: niche.rank, niche: niche.name, score: niche.profitabilityScore,
                reason: LocalizedText { Self.reason(niche, $0) })
        }
    }

    package static func reason(_ niche: Niche, _ language: Language) -> String {
        let views = InsightWording.count(Int(niche.avgViews.rounded()), language)
        let engagement = InsightWording.count(Int(niche.avgEngagement.rounded()), language)
        let revenue = InsightWording.number(niche.avgRevenue, language)
        switch language {
        case .fr:
            return "\(views) vues et \(engagement) interactions en moyenne, revenu moyen \(revenue) par vidéo, "
                + "\(niche.trendCount) tendance\(niche.trendCount > 1 ? "s" : "") dont \(niche.trending) cette semaine"
        case .en:
            return "\(views) views and \(engagement) engagements on average, \(revenue) average revenue per video, "
                + "\(niche.trendCount) trend\(niche.trendCount == 1 ? "" : "s"), \(niche.trending) this week"
        }
    }
}
