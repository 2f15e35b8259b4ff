/// The account's side of the insights, from TikTok Studio's export folder (issue 11): views and
/// profile views per day, new and returning viewers per day (line charts with their tables), the
/// best hours to post with their time zone, the follower growth, and the gender and territory shares.
struct AudienceBlock: Sendable {
    let audience: AudienceInsights
    let text: DashboardText

    var html: HTML {
        let language = text.language
        let daily = audience.daily.filter { $0.videoViews != nil || $0.profileViews != nil }
        return HTML.element("div", ["id": "audience"]) {
            HTML.element("h3") { text.audience }
            if daily.isEmpty, audience.viewerMix == nil, audience.bestPostingHours == nil, audience.followerGrowth == nil, audience.genderShares.isEmpty,
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
                            text.followers + ": " + (growth.change > 0 ? "+" : "") + NumberText.grouped(growth.change, language)
                                + " (\(growth.from) → \(growth.to))"
                                + (growth.followers.map { " — " + NumberText.grouped($0, language) } ?? "")
                        }
                    }
                }
                if !daily.isEmpty {
                    HTML.element("div", ["class": "legend"]) {
                        HTML.element("span") { HTML.element("i", ["class": "k1"]); text.views }
                        HTML.element("span") { HTML.element("i", ["class": "k2"]); text.profileViews }
                    }
                    ChartFigure(
                        id: "chart-account-views",
                        svg: LineChart(
                            days: daily.map(\.day.description),
                            series: [
                                .init(name: text.views, values: daily.map { $0.videoViews.map(Double.init) ?? .nan }),
                                .init(name: text.profileViews, values: daily.map { $0.profileViews.map(Double.init) ?? .nan }),
                            ]
                        ).svg(title: text.accountViews),
                        alternative: DataTable(
                            headers: [text.day, text.views, text.profileViews],
                            rows: daily.map {
                                [$0.day.description, NumberText.grouped($0.videoViews, language), NumberText.grouped($0.profileViews, language)]
                            }, numeric: [1, 2]
                        ).html, showTable: text.showTable
                    ).html
                }
                let viewers = audience.daily.filter { $0.newViewers != nil || $0.returningViewers != nil }
                if !viewers.isEmpty {
                    HTML.element("div", ["class": "legend"]) {
                        HTML.element("span") { HTML.element("i", ["class": "k1"]); text.newViewers }
                        HTML.element("span") { HTML.element("i", ["class": "k2"]); text.returningViewers }
                    }
                    ChartFigure(
                        id: "chart-viewers",
                        svg: LineChart(
                            days: viewers.map(\.day.description),
                            series: [
                                .init(name: text.newViewers, values: viewers.map { $0.newViewers.map(Double.init) ?? .nan }),
                                .init(name: text.returningViewers, values: viewers.map { $0.returningViewers.map(Double.init) ?? .nan }),
                            ]
                        ).svg(title: text.viewersPerDay),
                        alternative: DataTable(
                            headers: [text.day, text.newViewers, text.returningViewers],
                            rows: viewers.map {
                                [$0.day.description, NumberText.grouped($0.newViewers, language), NumberText.grouped($0.returningViewers, language)]
                            }, numeric: [1, 2]
                        ).html, showTable: text.showTable
                    ).html
                }
                for (title, id, shares) in [
                    (text.gender, "audience-gender", audience.genderShares), (text.territories, "audience-territories", audience.territoryShares),
                ] where !shares.isEmpty {
                    HTML.element("h4") { title }
                    DataTable(
                        headers: [title, text.share], rows: shares.map { [$0.label, NumberText.percent($0.share, language)] }, numeric: [1],
                        id: id
                    ).html
                }
            }
        }
    }
}
