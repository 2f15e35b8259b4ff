import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// Insights (the learning loop's findings): each feature's rank correlation with views, its
/// sample size and how sure it is; the recommendations; predicted score against real views.
struct InsightsSection: Sendable {
    package let data: DashboardData
    package let text: DashboardText

    package var html: HTML {
        let language = text.language
        let insights = data.insights
        let scored = data.videos.filter { $0.status == .posted && $0.score != nil }
        let points = scored.map { ScatterPlot.Point(x: Double($0.score ?? 0), y: Double($0.views ?? 0)) }
        let correlation = SpearmanCorrelation(points.map(\.x), points.map(\.y))
        return HTML.element("section", ["id": "insights"]) {
            HTML.element("h2") { text.insights }
            HTML.element("p", ["id": "insights-window"]) {
                text.window + " \(insights.since) → \(insights.asOf) — "
                    + text.videosWithNumbers(insights.videoCount, insights.highPerformerCount)
            }
            DataTable(
                headers: [text.feature, text.correlation, text.sample, text.certainty, text.finding],
                rows: insights.features.map { feature in
                    [
                        feature.feature.name(language),
                        feature.correlation.rho.map { String(format: "%+.2f", $0) } ?? "—",
                        String(feature.correlation.sampleSize), text.evidence(feature.evidence),
                        feature.summary[language],
                    ]
                }, numeric: [1, 2], id: "insight-features"
            ).html
            HTML.element("h3") { text.recommendations }
            HTML.element("ul", ["id": "insight-recommendations"]) {
                for line in insights.recommendations[language] { HTML.element("li") { line } }
            }
            AudienceBlock(audience: insights.audience, text: text).html
            HTML.element("h3") { text.scatterTitle }
            if points.isEmpty {
                HTML.element("p", ["class": "muted"]) { text.noScatter }
            } else {
                ChartFigure(
                    id: "chart-score-views",
                    svg: ScatterPlot(
                        points: points, xScale: ChartScale(upper: 100), yScale: .logarithmic(points.map(\.y)),
                        xTitle: text.predictedScore, yTitle: text.realViews
                    ).svg(title: text.scatterTitle),
                    alternative: HTML.element("p", ["id": "scatter-summary"]) {
                        text.scatterSummary(points.count, correlation.rho, Evidence(correlation))
                    }, showTable: text.showTable
                ).html
            }
            if let prediction = insights.scorePrediction {
                ScorePredictionBlock(prediction: prediction, text: text).html
            }
        }
    }
}
