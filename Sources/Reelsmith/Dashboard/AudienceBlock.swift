import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// The account's side of the insights, from TikTok Studio's export folder (issue 11): views and
/// profile views per day, new and returning viewers per day (line charts with their tables), the
/// best hours to post with their time zone, the follower growth, and the gender and territory shares.
struct AudienceBlock: Sendable {
    package let audience: AudienceInsights
    package let text: DashboardText

    package var html: HTML {
        let language = text.language
        let daily = audience.daily.filter { $0.videoViews != nil || $0.profileViews != nil }
        return HTML.element("div", ["id": "audience"]) {
            HTML.element("h3") { text.audience }
            if daily.isEmpty, audience.viewerMix == nil, audience.bestPostingHours == nil,
                audience.followerGrowth == nil, audience.genderShares.isEmpty,
                audience.territoryShares.isEmpty
            {
                HTML.element("p", ["class": "muted"]) { text.noAudience }
            } else {
                HTML.element("ul", ["id": "audience-facts"]) {
                    if let hours = audience.bestPostingHours {
                        HTML.element("li", ["id": "best-hours"]) { text.bestHours + ": " + hours.window }
                    }
                    if let mix = audience.viewerMix {
                        HTML.element("li", ["id": "viewer-mix"]) { text.viewerMix(mix) }
                    }
                    if let growth = audience.followerGrowth {
                        HTML.element("li", ["id": "follower-growth"]) {
                            text.followers + ": " + (growth.change > 0 ? "+" : "")
                                + NumberText.grouped(growth.change, language)
                                + " (\(growth.from) → \(growth.to))"
                                + (growth.followers.map { " — " + NumberText.grouped($0, language) } ?? "")
                        }
                    }
                }
                twoLineChart(
                    id: "chart-account-views", title: text.accountViews, days: daily,
                    (text.views, \.videoViews), (text.profileViews, \.profileViews))
                twoLineChart(
                    id: "chart-viewers", title: text.viewersPerDay,
                    days: audience.daily.filter { $0.newViewers != nil || $0.returningViewers != nil },
                    (text.newViewers, \.newViewers), (text.returningViewers, \.returningViewers))
                for (title, id, shares) in [
                    (text.gender, "audience-gender", audience.genderShares),
                    (text.territories, "audience-territories", audience.territoryShares),
                ] where !shares.isEmpty {
                    HTML.element("h4") { title }
                    DataTable(
                        headers: [title, text.share],
                        rows: shares.map { [$0.label, NumberText.percent($0.share, language)] }, numeric: [1],
                        id: id
                    ).html
                }
            }
        }
    }

    /// Two daily series as a line chart with its legend and its table; nothing when no day has either.
    @HTMLBuilder private func twoLineChart(
        id: String, title: String, days: [DailyAccountNumbers],
        _ first: (name: String, value: KeyPath<DailyAccountNumbers, Int?>),
        _ second: (name: String, value: KeyPath<DailyAccountNumbers, Int?>)
    ) -> HTML {
        if !days.isEmpty {
            HTML.element("div", ["class": "legend"]) {
                HTML.element("span") {
                    HTML.element("i", ["class": "k1"])
                    first.name
                }
                HTML.element("span") {
                    HTML.element("i", ["class": "k2"])
                    second.name
                }
            }
            ChartFigure(
                id: id,
                svg: LineChart(
                    days: days.map(\.day.description),
                    series: [first, second].map { line in
                        .init(name: line.name, values: days.map { $0[keyPath: line.value].map(Double.init) ?? .nan })
                    }
                ).svg(title: title),
                alternative: DataTable(
                    headers: [text.day, first.name, second.name],
                    rows: days.map {
                        [
                            $0.day.description, NumberText.grouped($0[keyPath: first.value], text.language),
                            NumberText.grouped($0[keyPath: second.value], text.language),
                        ]
                    }, numeric: [1, 2]
                ).html, showTable: text.showTable
            ).html
        }
    }
}
