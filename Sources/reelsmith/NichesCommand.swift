import ArgumentParser
import Foundation
import Reelsmith
import ReelsmithCLI
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

struct NichesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "niches",
        abstract: "Show the niches ranked by profitability (the content of outbox/reports/niches.json).",
        discussion:
            "score = min(50, avg_views/100000*50) + min(20, avg_engagement/10000*20) + min(20, avg_revenue/100*20) + (trend_count >= 3 ? 10 : 5). Drop trends into inbox/trends/ and analytics into inbox/analytics/ to feed it."
    )

    @OptionGroup var options: WorkspaceOptions

    @OptionGroup var output: ReportOptions

    func run() async throws {
        Log.bootstrap()
        let index = try LearningIndex(url: options.workspace.indexFile)
        let report = NichesReport(niches: try index.niches())
        if output.json {
            print(try JSONReport.text(report))
            return
        }
        guard !report.niches.isEmpty else {
            print(
                "No niches yet: drop a trends file into inbox/trends/ (see inbox/trends/example-trends.yaml) and run `reelsmith process` on it."
            )
            return
        }
        // avg_views and avg_revenue are in the recommendations' reasons and in --json.
        let table = TextTable(
            headers: ["#", "niche", "score", "views", "eng.", "rev.", "bonus", "trends", "week", "videos"],
            rows: report.niches.map { niche in
                [
                    "\(niche.rank)", niche.name, String(format: "%.1f", niche.profitabilityScore),
                    String(format: "%.1f", niche.components.views), String(format: "%.1f", niche.components.engagement),
                    String(format: "%.1f", niche.components.revenue),
                    String(format: "%.0f", niche.components.trendBonus),
                    "\(niche.trendCount)", "\(niche.trending)", "\(niche.videoCount)",
                ]
            }, numeric: [0, 2, 3, 4, 5, 6, 7, 8, 9], flexible: 1)
        print(table.render())
        print("")
        let language = output.language
        print(language == .fr ? "Recommandations :" : "Recommendations:")
        for recommendation in report.recommendations {
            print(
                Terminal.wrap(
                    "  \(recommendation.rank). \(recommendation.niche) (\(String(format: "%.1f", recommendation.score))): "
                        + recommendation.reason[language], indent: "     "))
        }
    }
}
