import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// Does the score predict views (issue 23): each criterion's and the total's Spearman ρ with views
/// and with the engagement rate, the calibration's verdict, and one chart — predicted rank against
/// real rank (1 = best), so a score that predicts puts the dots on the diagonal.
struct ScorePredictionBlock: Sendable {
    package let prediction: ScorePrediction
    package let text: DashboardText

    private func pick(_ en: String, _ fr: String) -> String { text.language == .fr ? fr : en }

    private func statistic(_ correlation: SpearmanCorrelation) -> [String] {
        [
            correlation.rho.map { String(format: "%+.2f", $0) } ?? "—", String(correlation.sampleSize),
            correlation.pValue.map { $0 < 0.001 ? "<0.001" : String(format: "%.3f", $0) } ?? "—",
        ]
    }

    package var html: HTML {
        let language = text.language
        let title = pick("Predicted rank against real rank", "Rang prédit et rang réel")
        let points = prediction.ranks.map { ScatterPlot.Point(x: Double($0.predicted), y: Double($0.real)) }
        let scale = ChartScale.zeroBased(points.flatMap { [$0.x, $0.y] })
        return HTML.element("div", ["id": "score-prediction"]) {
            HTML.element("h3") { pick("Does the score predict views?", "Le score prédit-il les vues ?") }
            HTML.element("p", ["id": "score-prediction-summary"]) { prediction.summary[language] }
            DataTable(
                headers: [
                    pick("criterion", "critère"), "ρ " + pick("views", "vues"), "n", "p", text.certainty,
                    "ρ " + pick("engagement", "engagement"),
                ],
                rows: (prediction.links + prediction.modelAgainstOffline).map { link in
                    [link.name] + statistic(link.views) + [
                        text.evidence(link.evidence), link.engagement.rho.map { String(format: "%+.2f", $0) } ?? "—",
                    ]
                }, numeric: [1, 2, 3, 5], id: "score-prediction-links"
            ).html
            HTML.element("p", ["id": "score-calibration"]) { prediction.calibration.reason[language] }
            if points.isEmpty {
                HTML.element("p", ["class": "muted"]) { text.noScatter }
            } else {
                ChartFigure(
                    id: "chart-score-ranks",
                    svg: ScatterPlot(
                        points: points, xScale: scale, yScale: scale,
                        xTitle: pick("predicted rank (1 = best)", "rang prédit (1 = meilleur)"),
                        yTitle: pick("real rank by views", "rang réel par vues")
                    ).svg(title: title),
                    alternative: HTML.element("p", ["id": "score-ranks-summary"]) {
                        pick(
                            "\(prediction.videoCount) videos (\(prediction.backCatalogueCount) from the back catalogue, scored from their caption).",
                            "\(prediction.videoCount) vidéos (dont \(prediction.backCatalogueCount) du catalogue, notées sur leur description)."
                        )
                    }, showTable: text.showTable
                ).html
            }
        }
    }
}
