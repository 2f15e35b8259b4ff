import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// Overview (the seed's monitoring and business metrics): videos made per day, success rate,
/// mean time per stage, mean virality score, provider spend, and views and engagement over time.
struct OverviewSection: Sendable {
    package let data: DashboardData
    package let text: DashboardText

    package var html: HTML {
        let language = text.language
        let made = data.videos.filter { $0.status != .external }.count
        return HTML.element("section", ["id": "overview"]) {
            HTML.element("h2") { text.overview }
            HTML.element("div", ["class": "cards"]) {
                card(id: "count-videos", value: NumberText.grouped(made, language), label: text.videos)
                card(
                    id: "success-rate", value: NumberText.percent(data.successRate, language),
                    label: text.successRate + " — " + text.jobsFinished(data.publishedJobs, data.failedJobs))
                card(id: "running", value: NumberText.grouped(data.runningJobs, language), label: text.running)
                card(
                    id: "mean-score", value: NumberText.decimal(data.meanViralityScore, language), label: text.meanScore
                )
                card(id: "count-trends", value: NumberText.grouped(data.trendCount, language), label: text.trends)
            }
            HTML.element("div", ["class": "grid2"]) {
                HTML.element("div") {
                    HTML.element("h3") { text.videosPerDay }
                    ChartFigure(
                        id: "chart-videos-per-day",
                        svg: ColumnChart(
                            columns: data.days.map { .init(label: $0.day.description, value: Double($0.made)) }
                        )
                        .svg(title: text.videosPerDay),
                        alternative: DataTable(
                            headers: [text.day, text.made, text.failed],
                            rows: data.days.filter { $0.made + $0.failed > 0 }.map {
                                [$0.day.description, String($0.made), String($0.failed)]
                            }, numeric: [1, 2]
                        ).html, showTable: text.showTable
                    ).html
                }
                HTML.element("div") {
                    HTML.element("h3") { text.stageTimes }
                    if data.stageMeans.isEmpty {
                        HTML.element("p", ["class": "muted"]) { text.noStageTimes }
                    } else {
                        ChartFigure(
                            id: "chart-stage-times",
                            svg: BarChart(
                                bars: data.stageMeans.map {
                                    .init(
                                        label: $0.stage.rawValue, value: $0.seconds,
                                        display: NumberText.decimal($0.seconds, digits: 2, language) + " s")
                                }
                            ).svg(title: text.stageTimes),
                            alternative: DataTable(
                                headers: [text.stage, text.seconds, text.runs],
                                rows: data.stageMeans.map {
                                    [
                                        $0.stage.rawValue, NumberText.decimal($0.seconds, digits: 2, language),
                                        String($0.runs),
                                    ]
                                }, numeric: [1, 2]
                            ).html, showTable: text.showTable
                        ).html
                    }
                }
            }
            HTML.element("h3") { text.performance }
            if data.performance.isEmpty {
                HTML.element("p", ["class": "muted"]) { text.noPerformance }
            } else {
                HTML.element("div", ["class": "legend"]) {
                    HTML.element("span") {
                        HTML.element("i", ["class": "k1"])
                        text.views
                    }
                    HTML.element("span") {
                        HTML.element("i", ["class": "k2"])
                        text.engagement
                    }
                }
                ChartFigure(
                    id: "chart-performance",
                    svg: LineChart(
                        days: data.performance.map(\.day.description),
                        series: [
                            .init(name: text.views, values: data.performance.map { Double($0.views) }),
                            .init(name: text.engagement, values: data.performance.map { Double($0.engagement) }),
                        ]
                    ).svg(title: text.performance),
                    alternative: DataTable(
                        headers: [text.day, text.views, text.engagement],
                        rows: data.performance.map {
                            [
                                $0.day.description, NumberText.grouped($0.views, language),
                                NumberText.grouped($0.engagement, language),
                            ]
                        }, numeric: [1, 2]
                    ).html, showTable: text.showTable
                ).html
            }
            HTML.element("h3") { text.spend }
            if data.spending.last30Days.isEmpty {
                HTML.element("p", ["class": "muted"]) { text.noSpend }
            } else {
                DataTable(
                    headers: [text.provider, text.requests, text.tokens, text.media, text.seconds],
                    rows: data.spending.last30Days.map {
                        [
                            "\($0.provider)/\($0.model)", NumberText.grouped($0.requests, language),
                            NumberText.grouped($0.promptTokens, language) + " + "
                                + NumberText.grouped($0.completionTokens, language),
                            NumberText.grouped($0.images, language) + " · "
                                + NumberText.grouped($0.characters, language) + " · "
                                + NumberText.decimal($0.audioSeconds, language) + " s",
                            NumberText.decimal($0.seconds, language),
                        ]
                    }, numeric: [1, 2, 3, 4], id: "spend"
                ).html
            }
        }
    }

    private func card(id: String, value: String, label: String) -> HTML {
        HTML.element("div", ["class": "card", "id": id]) {
            HTML.element("b") { value }
            HTML.element("span") { label }
        }
    }
}
