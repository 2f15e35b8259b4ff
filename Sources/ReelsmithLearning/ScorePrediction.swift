import Foundation
import GRDB
import ReelsmithCore

/// Does the virality score predict views? (issue 23) Over every video with views and a known
/// criterion — the back catalogue included, not only the insights' 30 days: each criterion's and
/// the total's Spearman ρ with views and with the engagement rate (n, two-sided p from the
/// t-approximation with n − 2 degrees of freedom, as scipy's `spearmanr`; meaningful from n ≈ 10),
/// the evidence words of the insights, the model against the offline score on our own videos, and
/// this creator's calibrated weights.
package struct ScorePrediction: Sendable, Codable, Equatable {
    /// One criterion's (or a total's) link with views and with the engagement rate.
    package struct Link: Sendable, Codable, Equatable {
        /// A criterion of ``VideoCriteria/names``, `total`, `calibrated_total`, `model_score` or `offline_score`.
        package var name: String
        package var views: SpearmanCorrelation
        package var evidence: Evidence
        package var engagement: SpearmanCorrelation
        package var engagementEvidence: Evidence

        enum CodingKeys: String, CodingKey {
            case name, views, evidence, engagement
            case engagementEvidence = "engagement_evidence"
        }

        init(name: String, pairs: [(Double?, Int, Double?)]) {
            self.name = name
            var x: [Double] = []
            var y: [Double] = []
            var xe: [Double] = []
            var ye: [Double] = []
            for (value, views, rate) in pairs {
                guard let value else { continue }
                x.append(value)
                y.append(Double(views))
                if let rate {
                    xe.append(value)
                    ye.append(rate)
                }
            }
            self.views = SpearmanCorrelation(x, y)
            self.evidence = Evidence(self.views)
            self.engagement = SpearmanCorrelation(xe, ye)
            self.engagementEvidence = Evidence(self.engagement)
        }
    }

    /// A video's place by predicted total and by views (1 = best), for the dashboard's chart.
    package struct RankPoint: Sendable, Codable, Equatable {
        package var predicted: Int
        package var real: Int
    }

    /// Videos with views and at least one known criterion.
    package var videoCount: Int
    /// Of which known only from an export, scored from their caption.
    package var backCatalogueCount: Int
    /// The five criteria, then `total` (the seed's weights) and, once validated, `calibrated_total`.
    package var links: [Link]
    /// Our own videos scored by a model: the model's total and the offline rubric's, on the same videos.
    package var modelAgainstOffline: [Link]
    package var calibration: ScoreCalibration
    /// Predicted (weights in use) against real rank, at most ``maximumRankPoints``, evenly sampled.
    package var ranks: [RankPoint]
    /// One sentence: does the score predict views, and how sure is that.
    package var summary: LocalizedText<String>
    /// The criteria that matter for this creator, with the figure.
    package var advice: LocalizedText<[String]>

    package static let maximumRankPoints = 400

    enum CodingKeys: String, CodingKey {
        case links, calibration, ranks, summary, advice
        case videoCount = "video_count"
        case backCatalogueCount = "back_catalogue_count"
        case modelAgainstOffline = "model_against_offline"
    }

    package func link(_ name: String) -> Link? { links.first { $0.name == name } }

    /// Everything, from `samples` (oldest first).
    package init(samples: [ScoreSample]) {
        videoCount = samples.count
        backCatalogueCount = samples.filter(\.isExternal).count
        calibration = ScoreCalibration.fit(samples)
        var links = VideoCriteria.names.indices.map { index in
            Link(
                name: VideoCriteria.names[index],
                pairs: samples.map { ($0.criteria[index].map(Double.init), $0.views, $0.engagementRate) })
        }
        links.append(
            Link(
                name: "total",
                pairs: samples.map { (ScoreWeights.seed.total($0.criteria), $0.views, $0.engagementRate) }))
        let weights = calibration.weights
        if calibration.isValidated {
            links.append(
                Link(
                    name: "calibrated_total",
                    pairs: samples.map { (weights.total($0.criteria), $0.views, $0.engagementRate) }))
        }
        self.links = links
        let scoredByModel = samples.filter { $0.modelScore != nil && $0.offlineScore != nil }
        modelAgainstOffline = [
            Link(
                name: "model_score",
                pairs: scoredByModel.map { ($0.modelScore.map(Double.init), $0.views, $0.engagementRate) }),
            Link(
                name: "offline_score",
                pairs: scoredByModel.map { ($0.offlineScore.map(Double.init), $0.views, $0.engagementRate) }),
        ]
        ranks = Self.rankPoints(samples, weights: weights)
        summary = LocalizedText(en: "", fr: "")
        advice = LocalizedText { Self.advice(samples, links: links, language: $0) }
        summary = LocalizedText { wording(in: $0) }
    }

    /// `total`'s (or the calibrated total's) finding in a sentence; "no link yet" when the videos
    /// are enough but nothing ranks views.
    func wording(in language: Language) -> String {
        let total = link(calibration.isValidated ? "calibrated_total" : "total") ?? links[links.count - 1]
        let stats = InsightWording.statistics(total.views, language)
        let isFrench = language == .fr
        let linked = links.prefix(VideoCriteria.names.count).filter {
            $0.evidence.isSufficient && ($0.views.rho ?? 0) > 0
        }
        let names = linked.map(\.name).joined(separator: ", ")
        switch total.evidence {
        case .insufficient:
            return isFrench
                ? "Trop peu de vidéos avec vues et score pour dire si le score prédit les vues (\(stats))."
                : "Too few videos with views and a score to tell whether the score predicts views (\(stats))."
        case .weak where linked.isEmpty:
            return isFrench
                ? "Pas encore de lien entre le score de viralité et les vues (\(stats)) : aucun critère ne les classe."
                : "No link yet between the virality score and views (\(stats)): no criterion ranks them."
        case .weak:
            return isFrench
                ? "Pas encore de lien net entre le score total et les vues (\(stats)) ; seul(s) \(names) les classe(nt)."
                : "No clear link yet between the total score and views (\(stats)); only \(names) ranks them."
        case .moderate, .strong:
            let word = total.evidence == .strong ? (isFrench ? "forte" : "strong") : (isFrench ? "modérée" : "moderate")
            return isFrench
                ? "Le score prédit les vues de ce créateur (\(stats), preuve \(word))"
                    + (names.isEmpty ? "." : " ; les critères qui comptent : \(names).")
                : "The score predicts this creator's views (\(stats), \(word) evidence)"
                    + (names.isEmpty ? "." : "; the criteria that matter: \(names).")
        }
    }

    static func rankPoints(_ samples: [ScoreSample], weights: ScoreWeights) -> [RankPoint] {
        var predicted: [Double] = []
        var views: [Double] = []
        for sample in samples {
            guard let total = weights.total(sample.criteria) else { continue }
            predicted.append(-total)
            views.append(-Double(sample.views))
        }
        let predictedRanks = SpearmanCorrelation.ranks(predicted)
        let realRanks = SpearmanCorrelation.ranks(views)
        let step = max(1, (predicted.count + maximumRankPoints - 1) / maximumRankPoints)
        return stride(from: 0, to: predicted.count, by: step).map {
            RankPoint(predicted: Int(predictedRanks[$0].rounded()), real: Int(realRanks[$0].rounded()))
        }
    }
}
