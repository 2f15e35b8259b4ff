import Foundation
import ReelsmithCore

extension ScorePrediction {
    /// The criteria that matter for this creator, each with the figure behind it ("your hooks under 8
    /// words: median 41k views; longer: 9k, n = 38"): only links unlikely to be chance (moderate or
    /// strong evidence), so the improvement suggestions and the script prompts never follow noise.
    static func advice(_ samples: [ScoreSample], links: [Link], language: Language) -> [String] {
        var lines: [String] = []
        let isFrench = language == .fr
        // Hook length in words: the caption's first sentence (back catalogue) or the spoken hook.
        let withWords = samples.compactMap { sample in sample.hookWords.map { (Double($0), sample.views) } }
        let wordsLink = SpearmanCorrelation(withWords.map(\.0), withWords.map { Double($0.1) })
        if Evidence(wordsLink).isSufficient, let rho = wordsLink.rho {
            let sorted = withWords.map(\.0).sorted()
            let threshold = Int(sorted[sorted.count / 2].rounded())
            let shorter = withWords.filter { $0.0 < Double(threshold) }.map(\.1)
            let longer = withWords.filter { $0.0 >= Double(threshold) }.map(\.1)
            if shorter.count >= 3, longer.count >= 3 {
                let advice =
                    rho < 0
                    ? (isFrench ? "garde le hook sous \(threshold) mots" : "keep the hook under \(threshold) words")
                    : (isFrench ? "un hook de \(threshold) mots ou plus" : "a hook of \(threshold) words or more")
                lines.append(
                    isFrench
                        ? "Tes hooks de moins de \(threshold) mots : médiane \(compact(median(shorter))) vues ; plus longs : "
                            + "\(compact(median(longer))), n = \(withWords.count) — \(advice)."
                        : "Your hooks under \(threshold) words: median \(compact(median(shorter))) views; longer: "
                            + "\(compact(median(longer))), n = \(withWords.count) — \(advice).")
            }
        }
        for (index, name) in VideoCriteria.names.enumerated() {
            guard let link = links.first(where: { $0.name == name }), link.evidence.isSufficient,
                let rho = link.views.rho
            else { continue }
            let maximum = VideoCriteria.maximums[index]
            let half = (maximum + 1) / 2
            let known = samples.compactMap { sample in sample.criteria[index].map { ($0, sample.views) } }
            let high = known.filter { $0.0 >= half }.map(\.1)
            let low = known.filter { $0.0 < half }.map(\.1)
            guard high.count >= 3, low.count >= 3 else { continue }
            let label = criterionName(name, language)
            let direction =
                rho > 0
                ? (isFrench ? "vise haut sur ce critère" : "aim high on it")
                : (isFrench ? "ce critère ne paie pas chez toi" : "it does not pay off for you")
            lines.append(
                isFrench
                    ? "Tes vidéos à \(half)/\(maximum) ou plus en \(label) : médiane \(compact(median(high))) vues ; "
                        + "en dessous : \(compact(median(low))), n = \(known.count) (\(InsightWording.statistics(link.views, language))) — \(direction)."
                    : "Your videos scoring \(half)/\(maximum) or more on \(label): median \(compact(median(high))) views; "
                        + "below: \(compact(median(low))), n = \(known.count) (\(InsightWording.statistics(link.views, language))) — \(direction)."
            )
        }
        return lines
    }

    static func criterionName(_ name: String, _ language: Language) -> String {
        switch (name, language) {
        case ("hook", .fr): "hook"
        case ("structure", .fr): "structure"
        case ("timing", .fr): "durée"
        case ("emotional_triggers", .fr): "déclencheurs émotionnels"
        case ("seo_hashtags", .fr): "SEO et hashtags"
        case ("emotional_triggers", .en): "emotional triggers"
        case ("seo_hashtags", .en): "SEO and hashtags"
        default: name
        }
    }

    static func median(_ values: [Int]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    }

    /// 850, 41k, 1.2M
    static func compact(_ value: Double) -> String {
        switch value {
        case ..<1000: String(Int(value.rounded()))
        case ..<1_000_000: "\(Int((value / 1000).rounded()))k"
        default: String(format: "%.1fM", value / 1_000_000)
        }
    }
}
