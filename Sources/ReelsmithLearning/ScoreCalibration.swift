import ReelsmithCore

/// This creator's virality weights, fitted on their own videos' views and kept only when they rank
/// newer videos better than the seed's (issue 23). The rule, in full:
/// 1. at least ``minimumSample`` videos with views and a known criterion, oldest first by post time;
/// 2. the newest ``heldOutShare`` (20 %) are held out; the fit sees only the older ones;
/// 3. fit: each criterion known for at least ``minimumCriterionSample`` training videos gets a share
///    proportional to its Spearman ρ with views (negative ρ → 0) of the weight the seed gives those
///    criteria together; a criterion with too few videos keeps its seed weight;
/// 4. shrink toward the seed: `w = λ·fit + (1 − λ)·seed`, `λ = n / (n + shrinkageVideos)`, n the
///    training videos (thin data stays near the seed), rounded to whole points summing to 100;
/// 5. validate on the held-out videos: the fitted total's ρ with views must beat the seed total's
///    by ``requiredGain`` and be unlikely to be chance (p < 0.05, t-approximation); otherwise the
///    seed's weights stay.
package struct ScoreCalibration: Sendable, Codable, Equatable {
    package static let minimumSample = 50
    package static let heldOutShare = 0.2
    package static let minimumCriterionSample = 30
    package static let shrinkageVideos = 100.0
    package static let requiredGain = 0.05

    package enum Status: String, Sendable, Codable, Equatable {
        /// Fewer than ``minimumSample`` videos: nothing fitted.
        case insufficient
        /// Fitted, but it did not rank the held-out videos better: the seed's weights stay.
        case refused
        /// Fitted and validated: the calibrated weights are used.
        case validated
    }

    package var status: Status
    /// The weights in use: the fitted ones when validated, else the seed's.
    package var weights: ScoreWeights
    /// The fit, validated or not (nil when nothing was fitted).
    package var fitted: ScoreWeights?
    package var trainingCount: Int
    package var heldOutCount: Int
    /// Held-out videos: the seed total's and the fitted total's ρ with views.
    package var heldOutSeed: SpearmanCorrelation?
    package var heldOutFit: SpearmanCorrelation?
    /// Why, in a sentence.
    package var reason: LocalizedText<String>

    enum CodingKeys: String, CodingKey {
        case status, weights, fitted, reason
        case trainingCount = "training_count"
        case heldOutCount = "held_out_count"
        case heldOutSeed = "held_out_seed"
        case heldOutFit = "held_out_fit"
    }

    package var isValidated: Bool { status == .validated }

    /// Fits and validates on `samples` (oldest first).
    package static func fit(_ samples: [ScoreSample]) -> ScoreCalibration {
        let n = samples.count
        guard n >= minimumSample else {
            return ScoreCalibration(
                status: .insufficient, weights: .seed, fitted: nil, trainingCount: 0, heldOutCount: 0,
                heldOutSeed: nil, heldOutFit: nil,
                reason: LocalizedText(
                    en: "Seed weights: \(n) videos with views and a score, \(minimumSample) needed to calibrate.",
                    fr: "Poids d'origine : \(n) vidéos avec vues et score, il en faut \(minimumSample) pour calibrer."))
        }
        let heldOutCount = Int((Double(n) * heldOutShare).rounded(.up))
        let training = samples[..<(n - heldOutCount)]
        let heldOut = samples[(n - heldOutCount)...]
        let fitted = weights(fittedOn: training)
        let seedRanking = correlation(of: .seed, on: heldOut)
        let fitRanking = correlation(of: fitted, on: heldOut)
        var calibration = ScoreCalibration(
            status: .refused, weights: .seed, fitted: fitted, trainingCount: training.count,
            heldOutCount: heldOutCount, heldOutSeed: seedRanking, heldOutFit: fitRanking,
            reason: LocalizedText(en: "", fr: ""))
        let seedRho = seedRanking.rho ?? 0
        let fitRho = fitRanking.rho ?? 0
        let stats = LocalizedText {
            "ρ \(InsightWording.number(fitRho, $0)) / \(InsightWording.number(seedRho, $0)), n = \(fitRanking.sampleSize)"
        }
        if fitted == .seed {
            calibration.reason = LocalizedText(
                en: "Seed weights: no criterion ranks this creator's views better than the seed's mix.",
                fr: "Poids d'origine : aucun critère ne classe mieux les vues de ce créateur que le mélange d'origine.")
        } else if fitRho < seedRho + requiredGain {
            calibration.reason = LocalizedText(
                en: "Seed weights: the fit did not rank the newest \(heldOutCount) videos better than the seed "
                    + "(\(stats.en), fitted / seed).",
                fr: "Poids d'origine : l'ajustement ne classe pas mieux les \(heldOutCount) vidéos les plus récentes "
                    + "(\(stats.fr), ajusté / origine).")
        } else if !Evidence(fitRanking).isSufficient {
            calibration.reason = LocalizedText(
                en: "Seed weights: the fit's ranking of the newest \(heldOutCount) videos could be chance "
                    + "(\(InsightWording.statistics(fitRanking, .en))).",
                fr: "Poids d'origine : le classement des \(heldOutCount) vidéos les plus récentes peut être le hasard "
                    + "(\(InsightWording.statistics(fitRanking, .fr))).")
        } else {
            calibration.status = .validated
            calibration.weights = fitted
            calibration.reason = LocalizedText(
                en: "Calibrated weights (\(fitted.text)): they rank the newest \(heldOutCount) videos better than "
                    + "the seed's (\(stats.en), fitted / seed).",
                fr: "Poids calibrés (\(fitted.text)) : ils classent mieux les \(heldOutCount) vidéos les plus récentes "
                    + "que ceux d'origine (\(stats.fr), ajusté / origine).")
        }
        return calibration
    }

    /// Steps 3 and 4 of the rule.
    static func weights(fittedOn training: ArraySlice<ScoreSample>) -> ScoreWeights {
        let seed = ScoreWeights.seed.points.map(Double.init)
        var links: [Double?] = []
        for index in VideoCriteria.names.indices {
            var x: [Double] = []
            var y: [Double] = []
            for sample in training {
                guard let value = sample.criteria[index] else { continue }
                x.append(Double(value))
                y.append(Double(sample.views))
            }
            let correlation = SpearmanCorrelation(x, y)
            links.append(x.count >= minimumCriterionSample ? max(0, correlation.rho ?? 0) : nil)
        }
        let linked = links.indices.filter { links[$0] != nil }
        let linkSum = linked.map { links[$0]! }.reduce(0, +)
        guard linkSum > 0 else { return .seed }
        let linkedSeed = linked.map { seed[$0] }.reduce(0, +)
        let lambda = Double(training.count) / (Double(training.count) + shrinkageVideos)
        let shares = seed.indices.map { index -> Double in
            guard let link = links[index] else { return seed[index] }
            return lambda * linkedSeed * link / linkSum + (1 - lambda) * seed[index]
        }
        return ScoreWeights(shares: shares)
    }

    /// Spearman's ρ between `weights`' totals and views over `samples`.
    static func correlation(of weights: ScoreWeights, on samples: ArraySlice<ScoreSample>) -> SpearmanCorrelation {
        var x: [Double] = []
        var y: [Double] = []
        for sample in samples {
            guard let total = weights.total(sample.criteria) else { continue }
            x.append(total)
            y.append(Double(sample.views))
        }
        return SpearmanCorrelation(x, y)
    }
}
