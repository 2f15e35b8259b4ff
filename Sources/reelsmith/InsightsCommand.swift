import ArgumentParser
import Foundation
import Reelsmith

struct InsightsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "insights",
        abstract: "Show what the last 30 days of analytics say (the content of outbox/reports/insights.json).",
        discussion: "High performers are videos over 10,000 views. Each feature shows its Spearman rank correlation with views, the sample size and how sure it is; the next script follows a feature only when the evidence is moderate or strong."
    )

    @OptionGroup var options: WorkspaceOptions

    @OptionGroup var output: ReportOptions

    func run() async throws {
        Log.bootstrap()
        let index = try LearningIndex(url: options.workspace.indexFile)
        let insights = try index.insights()
        if output.json {
            print(try JSONReport.text(insights))
            return
        }
        let language = output.language
        let optimum: (Int?) -> String = { $0.map(String.init) ?? "—" }
        print(
            "\(insights.since) → \(insights.asOf): \(insights.videoCount) video\(insights.videoCount == 1 ? "" : "s") with numbers, "
                + "\(insights.highPerformerCount) over 10,000 views")
        print(
            "optimal duration \(optimum(insights.optimalDurationSeconds)) s · hashtags \(optimum(insights.optimalHashtagCount)) · "
                + "hook \(optimum(insights.optimalHookLength)) words · virality threshold \(optimum(insights.viralityThreshold))")
        print("")
        let table = TextTable(
            headers: ["feature", "ρ", "n", "p", "evidence", "top n", "top mean", "steers"],
            rows: insights.features.map { feature in
                [
                    feature.feature.rawValue, feature.correlation.rho.map { String(format: "%+.2f", $0) } ?? "—",
                    "\(feature.correlation.sampleSize)", feature.correlation.pValue.map { $0 < 0.001 ? "<0.001" : String(format: "%.3f", $0) } ?? "—",
                    feature.evidence.rawValue, "\(feature.highPerformerCount)",
                    feature.highPerformerAverage.map { String(format: "%.1f", $0) } ?? "—", feature.isSteering ? "yes" : "no",
                ]
            }, numeric: [1, 2, 3, 5, 6], flexible: 0)
        print(table.render())
        print("ρ: Spearman rank correlation with views · top: the videos over 10,000 views")
        print("")
        for feature in insights.features { print(Terminal.wrap("  · \(feature.summary[language])")) }
        print("")
        print(language == .fr ? "Recommandations :" : "Recommendations:")
        for line in insights.recommendations[language] { print(Terminal.wrap("  - \(line)")) }
    }
}
