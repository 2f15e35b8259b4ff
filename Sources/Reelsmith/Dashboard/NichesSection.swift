import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// Niches and trends (the seed's Trends page): the ranking with the formula's four parts as one
/// stacked bar per niche, trending flags, each niche's top trends, and what to make next.
struct NichesSection: Sendable {
    package let data: DashboardData
    package let text: DashboardText

    package var html: HTML {
        let language = text.language
        let niches = data.niches.niches
        return HTML.element("section", ["id": "niches"]) {
            HTML.element("h2") { text.nichesAndTrends }
            if niches.isEmpty {
                HTML.element("p", ["class": "muted"]) { text.noNiches }
            } else {
                HTML.element("p", ["class": "muted"]) { data.niches.formula }
                HTML.element("div", ["class": "legend"]) {
                    for (number, name) in text.partNames.enumerated() {
                        HTML.element("span") {
                            switch number {
                            case 0: HTML.element("i", ["class": "k1"])
                            case 1: HTML.element("i", ["class": "k2"])
                            case 2: HTML.element("i", ["class": "k3"])
                            default: HTML.element("i", ["class": "k4"])
                            }
                            name
                        }
                    }
                }
                HTML.element("div", ["class": "scroll"]) {
                    HTML.element("table", ["id": "niche-ranking"]) {
                        HTML.element("thead") {
                            HTML.element("tr") {
                                HTML.element("th", ["class": "n", "scope": "col"]) { text.rank }
                                HTML.element("th", ["scope": "col"]) { text.niche }
                                HTML.element("th", ["class": "n", "scope": "col"]) { text.score }
                                HTML.element("th", ["scope": "col"]) { text.parts }
                            }
                        }
                        HTML.element("tbody") {
                            for niche in niches {
                                HTML.element("tr", ["data-niche": niche.name]) {
                                    HTML.element("td", ["class": "n"]) { niche.rank }
                                    HTML.element("td") {
                                        niche.name
                                        if niche.trending > 0 {
                                            HTML.element(
                                                "span",
                                                ["class": "flag", "title": text.trendingThisWeek(niche.trending)]
                                            ) {
                                                text.trending
                                            }
                                        }
                                        HTML.element("small") {
                                            text.trendingThisWeek(niche.trending) + " · "
                                                + text.trendCount(niche.trendCount) + " · "
                                                + text.videoCount(niche.videoCount)
                                        }
                                    }
                                    HTML.element("td", ["class": "n score"]) {
                                        NumberText.decimal(niche.profitabilityScore, language)
                                    }
                                    HTML.element("td") {
                                        StackedBar(parts: parts(niche)).svg(title: partsTitle(niche))
                                        HTML.element("small") { partsTitle(niche) }
                                    }
                                }
                            }
                        }
                    }
                }
                HTML.element("h3") { text.makeNext }
                HTML.element("ol", ["id": "make-next"]) {
                    for recommendation in data.niches.recommendations {
                        HTML.element("li") {
                            HTML.element("b") { recommendation.niche }
                            " (" + NumberText.decimal(recommendation.score, language) + ") — "
                                + recommendation.reason[language]
                        }
                    }
                }
                HTML.element("h3") { text.topTrends }
                HTML.element("div", ["class": "grid2", "id": "top-trends"]) {
                    for niche in niches.prefix(12) {
                        if let trends = data.topTrends[niche.name], !trends.isEmpty {
                            HTML.element("div") {
                                HTML.element("b") { niche.name }
                                HTML.element("ul") {
                                    for trend in trends {
                                        HTML.element("li") {
                                            trend.title
                                            HTML.element("small") {
                                                NumberText.grouped(trend.views, language) + " "
                                                    + text.views.lowercased() + " · "
                                                    + NumberText.grouped(trend.engagement, language) + " "
                                                    + text.engagement.lowercased() + " · " + trend.day
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private func parts(_ niche: NichesReport.Niche) -> [StackedBar.Part] {
        let values = [
            niche.components.views, niche.components.engagement, niche.components.revenue, niche.components.trendBonus,
        ]
        return zip(text.partNames, values).map {
            StackedBar.Part(name: "\($0) \(NumberText.decimal($1, text.language))", value: $1)
        }
    }

    private func partsTitle(_ niche: NichesReport.Niche) -> String {
        parts(niche).map(\.name).joined(separator: " + ")
    }
}
