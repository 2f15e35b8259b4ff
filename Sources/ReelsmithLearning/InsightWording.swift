import Foundation
import ReelsmithCore

/// The sentences of the insights, in French and English, worded by how sure they are: a finding
/// from a handful of videos is called a hint, never a rule.
package enum InsightWording {
    package static func number(_ value: Double, _ language: Language, digits: Int = 2) -> String {
        let text = String(format: "%.\(digits)f", value)
        return language == .fr ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    package static func count(_ value: Int, _ language: Language) -> String {
        value.formatted(.number.grouping(.automatic).locale(Locale(identifier: language == .fr ? "fr_FR" : "en_US")))
            .replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{00A0}", with: " ")
    }

    /// `ρ = −0.82, n = 24, p < 0.001`
    static func statistics(_ correlation: SpearmanCorrelation, _ language: Language) -> String {
        var parts: [String] = []
        if let rho = correlation.rho {
            parts.append("ρ = " + number(rho, language).replacingOccurrences(of: "-", with: "−"))
        }
        parts.append("n = \(correlation.sampleSize)")
        if let p = correlation.pValue {
            parts.append(
                p < 0.001 ? "p < " + number(0.001, language, digits: 3) : "p = " + number(p, language, digits: 3))
        }
        return parts.joined(separator: ", ")
    }

    package static func summary(of insight: FeatureInsight, in language: Language) -> String {
        let name = insight.feature.name(language)
        let stats = statistics(insight.correlation, language)
        let n = insight.correlation.sampleSize
        guard let rho = insight.correlation.rho else {
            if n < Evidence.minimumSample {
                return language == .fr
                    ? "Trop peu de vidéos pour conclure sur \(name) (n = \(n))."
                    : "Too few videos to say anything about \(name) (n = \(n))."
            }
            return language == .fr
                ? "Pas de variation de \(name) entre les \(n) vidéos : rien à comparer."
                : "All \(n) videos share the same \(name): nothing to compare."
        }
        let winners = insight.feature.winners(positive: rho > 0, language)
        switch (insight.evidence, language) {
        case (.insufficient, .fr):
            return "Trop peu de vidéos pour conclure sur \(name) (\(stats)) : au mieux un indice."
        case (.insufficient, .en):
            return "Too few videos to conclude about \(name) (\(stats)): a hint at most."
        case (.weak, .fr):
            return "Pas de lien net entre \(name) et les vues pour l'instant (\(stats)) : cela peut être le hasard."
        case (.weak, .en):
            return "No clear link between \(name) and views yet (\(stats)): it could be chance."
        case (.moderate, .fr):
            return "\(winners) ont tendance à faire plus de vues (\(stats)) : probable, à confirmer."
        case (.moderate, .en):
            return "\(winners) tend to get more views (\(stats)): likely, worth confirming."
        case (.strong, .fr):
            return "\(winners) font nettement plus de vues (\(stats))."
        case (.strong, .en):
            return "\(winners) clearly get more views (\(stats))."
        }
    }

    /// How much to trust an optimum drawn from the high performers.
    static func hedge(_ insight: FeatureInsight, _ language: Language) -> String {
        let stats = statistics(insight.correlation, language)
        let count = insight.highPerformerCount
        if count < InsightSteering.minimumHighPerformers {
            return language == .fr
                ? "un indice tiré de \(count == 1 ? "1 seule vidéo" : "seulement \(count) vidéos"), pas encore une règle"
                : "a hint from only \(count) video\(count == 1 ? "" : "s"), not yet a rule"
        }
        switch (insight.evidence, language) {
        case (.insufficient, .fr), (.weak, .fr):
            return "mais pas encore de lien net avec les vues (\(stats)) : continue de tester"
        case (.insufficient, .en), (.weak, .en):
            return "but no clear link with views yet (\(stats)): keep testing"
        case (.moderate, .fr): return "probable (\(stats)), à suivre"
        case (.moderate, .en): return "likely (\(stats)), worth following"
        case (.strong, .fr): return "une tendance nette (\(stats))"
        case (.strong, .en): return "a clear pattern (\(stats))"
        }
    }

    static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]
    static let frenchMonths = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
        "décembre",
    ]

    /// `25 March 2026`, `25 mars 2026` (`1er` in French).
    static func longDay(_ day: CalendarDay, _ language: Language) -> String {
        switch language {
        case .en: "\(day.day) \(englishMonths[day.month - 1]) \(day.year)"
        case .fr: "\(day.day == 1 ? "1er" : "\(day.day)") \(frenchMonths[day.month - 1]) \(day.year)"
        }
    }

    /// "30 days up to 25 March 2026: 15 videos", and the videos older than the window when there are.
    package static func window(of insights: Insights, hasAnalytics: Bool, in language: Language) -> String {
        let n = insights.videoCount
        let older = insights.olderVideoCount
        let end = longDay(insights.asOf, language)
        var text =
            language == .fr
            ? "\(Insights.windowDays) jours jusqu'au \(end) : \(n) vidéo\(n > 1 ? "s" : "")"
            : "\(Insights.windowDays) days up to \(end): \(n) video\(n == 1 ? "" : "s")"
        if !hasAnalytics {
            text += language == .fr ? " (aucune statistique importée)" : " (no analytics imported yet)"
        } else if older > 0 {
            text +=
                language == .fr
                ? " ; \(older) autre\(older > 1 ? "s" : "") avec des chiffres plus anciens, hors de la fenêtre"
                : "; \(older) more with older numbers, outside the window"
        }
        return text
    }

    package static func recommendations(for insights: Insights, hasAnalytics: Bool = true, in language: Language)
        -> [String]
    {
        let threshold = count(Insights.highPerformerViews, language)
        let audience = audienceRecommendations(insights.audience, language)
        guard insights.highPerformerCount > 0 else {
            let end = longDay(insights.asOf, language)
            let advice =
                hasAnalytics
                ? (language == .fr
                    ? "Aucune vidéo n'a dépassé \(threshold) vues dans les \(Insights.windowDays) jours jusqu'au \(end) "
                        + "(\(insights.videoCount) mesurées) : pas encore de durée optimale."
                    : "No video passed \(threshold) views in the \(Insights.windowDays) days up to \(end) "
                        + "(\(insights.videoCount) measured): no optimal duration yet.")
                : (language == .fr
                    ? "Aucune statistique de vidéo importée : pas encore de durée optimale. Importe tes statistiques TikTok "
                        + "(le dossier exporté par TikTok Studio, dans inbox/analytics/)."
                    : "No video analytics imported: no optimal duration yet. Import your TikTok analytics "
                        + "(the folder TikTok Studio exports, into inbox/analytics/).")
            return [advice] + audience
        }
        var lines: [String] = []
        func add(_ feature: LearningFeature, _ value: Int?, fr: (String) -> String, en: (String) -> String) {
            guard let value, let insight = insights.feature(feature), insight.highPerformerCount > 0 else { return }
            let count = insight.highPerformerCount
            let of =
                switch (language, count) {
                case (.fr, 1): "d'après ta seule vidéo à plus de \(threshold) vues"
                case (.fr, _): "moyenne de tes \(count) vidéos à plus de \(threshold) vues"
                case (.en, 1): "from your only video over \(threshold) views"
                case (.en, _): "average of your \(count) videos over \(threshold) views"
                }
            let sentence = language == .fr ? fr("\(value)") : en("\(value)")
            lines.append("\(sentence) (\(of)) — \(hedge(insight, language)).")
        }
        add(
            .durationSeconds, insights.optimalDurationSeconds,
            fr: { "La durée optimale est autour de \($0) secondes" },
            en: { "The optimal duration is around \($0) seconds" })
        add(
            .hashtagCount, insights.optimalHashtagCount,
            fr: { "Nombre de hashtags optimal : environ \($0)" }, en: { "Optimal number of hashtags: about \($0)" })
        add(
            .hookLength, insights.optimalHookLength,
            fr: { "Longueur de hook : environ \($0) mots" }, en: { "Hook length: about \($0) words" })
        add(
            .viralityScore, insights.viralityThreshold,
            fr: { "Vise un score de viralité d'au moins \($0)" }, en: { "Aim for a virality score of at least \($0)" })
        for insight in insights.features
        where [.hasCta, .captionWords].contains(insight.feature) && insight.evidence.isSufficient {
            lines.append(insight.summary[language])
        }
        return lines + audience
    }

    /// The best posting hours and the follower growth, when their files have been imported.
    static func audienceRecommendations(_ audience: AudienceInsights, _ language: Language) -> [String] {
        var lines: [String] = []
        if let hours = audience.bestPostingHours {
            let days = hours.dayCount
            let peak = (0..<PostingHours.windowHours).compactMap { hours.hourlyAverage[(hours.startHour + $0) % 24] }
            let average = count(Int((peak.reduce(0, +) / Double(max(1, peak.count))).rounded()), language)
            lines.append(
                language == .fr
                    ? "Publie entre \(hours.window.replacingOccurrences(of: "–", with: " et ")) : c'est là que tes abonnés sont le plus "
                        + "actifs (\(average) en moyenne par heure sur \(days) jour\(days > 1 ? "s" : ""), heures de TikTok Studio, prises pour UTC : le fichier ne dit pas son fuseau)."
                    : "Post between \(hours.window.replacingOccurrences(of: "–", with: " and ")): your followers are most active then "
                        + "(\(average) on average per hour over \(days) day\(days == 1 ? "" : "s"); TikTok Studio's hours, taken as UTC: the file does not say its time zone)."
            )
        }
        if let growth = audience.followerGrowth {
            let change = (growth.change > 0 ? "+" : growth.change < 0 ? "−" : "") + count(abs(growth.change), language)
            let perDay = number(growth.averagePerDay, language, digits: 1)
            lines.append(
                language == .fr
                    ? "Abonnés du \(longDay(growth.from, language)) au \(longDay(growth.to, language)) : \(change) (\(perDay) par jour)"
                        + (growth.followers.map { ", \(count($0, language)) au total." } ?? ".")
                    : "Followers from \(longDay(growth.from, language)) to \(longDay(growth.to, language)): \(change) (\(perDay) a day)"
                        + (growth.followers.map { ", \(count($0, language)) in all." } ?? "."))
        }
        return lines
    }
}
