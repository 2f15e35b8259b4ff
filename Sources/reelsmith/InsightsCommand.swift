import ArgumentParser
import Foundation
import Reelsmith
import ReelsmithCLI
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

struct InsightsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "insights",
        abstract:
            "Show what the 30 days up to the newest analytics day say (the content of outbox/reports/insights.json).",
        discussion:
            "The window ends on the newest day of video analytics in the index, not today, so an export imported later still counts. High performers are videos over 10,000 views. From TikTok Studio's export folder come the best hours to post (FollowerActivity.csv: its hours, which the file does not say the zone of, taken as UTC, and in your time zone), the follower growth (FollowerHistory.csv) and the audience shares (FollowerGender.csv, FollowerTopTerritories.csv). Each feature shows its Spearman rank correlation with views, the sample size and how sure it is; the next script follows a feature only when the evidence is moderate or strong."
    )

    @OptionGroup var options: WorkspaceOptions

    @OptionGroup var output: ReportOptions

    func run() async throws {
        Log.bootstrap()
        let index = try LearningIndex(url: options.workspace.indexFile)
        if try index.needsBackCatalogueScoring(rubricVersion: RubricCaptionScorer.version),
            let templates = try? TemplateLibrary.load(from: options.workspace.templates)
        {
            try index.scoreBackCatalogue(with: RubricCaptionScorer(templates: templates))
        }
        let insights = try index.insights()
        if output.json {
            print(try JSONReport.text(insights))
            return
        }
        let language = output.language
        let optimum: (Int?) -> String = { $0.map(String.init) ?? "—" }
        print("\(insights.window[language]); \(insights.highPerformerCount) over 10,000 views")
        print(
            "optimal duration \(optimum(insights.optimalDurationSeconds)) s · hashtags \(optimum(insights.optimalHashtagCount)) · "
                + "hook \(optimum(insights.optimalHookLength)) words · virality threshold \(optimum(insights.viralityThreshold))"
        )
        print("")
        let table = TextTable(
            headers: ["feature", "ρ", "n", "p", "evidence", "top n", "top mean", "steers"],
            rows: insights.features.map { feature in
                [
                    feature.feature.rawValue, feature.correlation.rho.map { String(format: "%+.2f", $0) } ?? "—",
                    "\(feature.correlation.sampleSize)",
                    feature.correlation.pValue.map { $0 < 0.001 ? "<0.001" : String(format: "%.3f", $0) } ?? "—",
                    feature.evidence.rawValue, "\(feature.highPerformerCount)",
                    feature.highPerformerAverage.map { String(format: "%.1f", $0) } ?? "—",
                    feature.isSteering ? "yes" : "no",
                ]
            }, numeric: [1, 2, 3, 5, 6], flexible: 0)
        print(table.render())
        print("ρ: Spearman rank correlation with views · top: the videos over 10,000 views")
        print("")
        for feature in insights.features { print(Terminal.wrap("  · \(feature.summary[language])")) }
        print("")
        print(language == .fr ? "Recommandations :" : "Recommendations:")
        for line in insights.recommendations[language] { print(Terminal.wrap("  - \(line)")) }
        if let prediction = insights.scorePrediction { printPrediction(prediction, language: language) }
        printAudience(insights.audience, language: language)
    }

    /// Does the virality score predict views (issue 23): every video with views and a score, the
    /// back catalogue's captions included, and the calibration's verdict.
    private func printPrediction(_ prediction: ScorePrediction, language: Language) {
        print("")
        print(language == .fr ? "Le score prédit-il les vues ?" : "Does the score predict views?")
        func stats(_ correlation: SpearmanCorrelation) -> [String] {
            [
                correlation.rho.map { String(format: "%+.2f", $0) } ?? "—", "\(correlation.sampleSize)",
                correlation.pValue.map { $0 < 0.001 ? "<0.001" : String(format: "%.3f", $0) } ?? "—",
            ]
        }
        let table = TextTable(
            headers: ["criterion", "ρ views", "n", "p", "evidence", "ρ engagement", "n", "p"],
            rows: (prediction.links + prediction.modelAgainstOffline).map { link in
                [link.name] + stats(link.views) + [link.evidence.rawValue] + stats(link.engagement)
            }, numeric: [1, 2, 3, 5, 6, 7], flexible: 0)
        print(table.render())
        print(
            Terminal.wrap(
                "p: two-sided, t-approximation with n − 2 degrees of freedom · "
                    + "\(prediction.backCatalogueCount) of \(prediction.videoCount) videos scored from their caption"))
        print(Terminal.wrap("  · \(prediction.summary[language])"))
        print(Terminal.wrap("  · \(prediction.calibration.reason[language])"))
    }

    /// Best hours, follower growth and audience shares, from TikTok Studio's account files.
    private func printAudience(_ audience: AudienceInsights, language: Language) {
        let isFrench = language == .fr
        print("")
        print(isFrench ? "Audience (export TikTok Studio) :" : "Audience (TikTok Studio export):")
        if let hours = audience.bestPostingHours {
            print(
                Terminal.wrap(
                    (isFrench ? "  meilleures heures pour publier : " : "  best hours to post: ") + hours.window
                        + (isFrench
                            ? " — \(hours.dayCount) jours d'activité, du \(hours.from) au \(hours.to)"
                            : " — \(hours.dayCount) days of follower activity, \(hours.from) to \(hours.to)")))
        } else {
            print(
                isFrench
                    ? "  meilleures heures : importe FollowerActivity.csv" : "  best hours: import FollowerActivity.csv"
            )
        }
        if let growth = audience.followerGrowth {
            let sign = growth.change > 0 ? "+" : ""
            print(
                Terminal.wrap(
                    (isFrench ? "  abonnés : " : "  followers: ")
                        + "\(sign)\(growth.change) (\(growth.from) → \(growth.to))"
                        + (growth.followers.map { isFrench ? ", \($0) au total" : ", \($0) in all" } ?? "")))
        } else {
            print(isFrench ? "  abonnés : importe FollowerHistory.csv" : "  followers: import FollowerHistory.csv")
        }
        if let mix = audience.viewerMix {
            let percent = String(format: "%.0f", mix.returningShare * 100)
            print(
                Terminal.wrap(
                    isFrench
                        ? "  spectateurs : \(mix.newViewers) nouveaux, \(mix.returningViewers) qui reviennent (\(percent) %) — \(mix.days) jours, du \(mix.from) au \(mix.to)"
                        : "  viewers: \(mix.newViewers) new, \(mix.returningViewers) returning (\(percent)%) — \(mix.days) days, \(mix.from) to \(mix.to)"
                ))
        } else {
            print(isFrench ? "  spectateurs : importe Viewers.csv" : "  viewers: import Viewers.csv")
        }
        func shares(_ list: [AudienceShare]) -> String {
            list.map { "\($0.label) " + String(format: "%.0f%%", $0.share * 100) }.joined(separator: ", ")
        }
        if !audience.genderShares.isEmpty {
            print(Terminal.wrap((isFrench ? "  genre : " : "  gender: ") + shares(audience.genderShares)))
        }
        if !audience.territoryShares.isEmpty {
            print(Terminal.wrap((isFrench ? "  territoires : " : "  territories: ") + shares(audience.territoryShares)))
        }
    }
}
