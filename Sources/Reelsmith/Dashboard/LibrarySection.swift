import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// Library (the seed's Library page): every video with its thumbnail (linked, never embedded),
/// title, score and five criteria, status and real numbers; relative links to its folder and
/// MP4. The first page is in the markup; the script sorts, filters by niche and pages the rest
/// from the JSON block.
struct LibrarySection: Sendable {
    package let data: DashboardData
    package let text: DashboardText
    package let niches: [String]
    static let pageSize = 50

    private static let sortKeys = ["day", "score", "views", "engagement", "title", "niche"]

    private func sortName(_ key: String) -> String {
        switch key {
        case "day": text.date
        case "score": text.score
        case "views": text.views
        case "engagement": text.engagement
        case "title": text.videoTitle
        default: text.niche
        }
    }

    package var html: HTML {
        let firstPage = data.videos.prefix(Self.pageSize)
        return HTML.element("section", ["id": "library"]) {
            HTML.element("h2") { text.library }
            if data.videos.isEmpty {
                HTML.element("p", ["class": "muted"]) { text.noVideos }
            }
            HTML.element("div", ["class": "controls"]) {
                HTML.element("div") {
                    HTML.element("label", ["for": "library-niche"]) { text.filterByNiche }
                    HTML.element("select", ["id": "library-niche"]) {
                        HTML.element("option", ["value": ""]) { text.allNiches }
                        for niche in niches { HTML.element("option", ["value": niche]) { niche } }
                    }
                }
                HTML.element("div") {
                    HTML.element("label", ["for": "library-sort"]) { text.sortBy }
                    HTML.element("select", ["id": "library-sort"]) {
                        for key in Self.sortKeys { HTML.element("option", ["value": key]) { sortName(key) } }
                    }
                    " "
                    HTML.element("button", ["type": "button", "id": "library-direction", "aria-label": text.sortBy]) {
                        "↓"
                    }
                }
            }
            HTML.element("div", ["class": "scroll"]) {
                HTML.element("table", ["id": "library-table"]) {
                    HTML.element("thead") {
                        HTML.element("tr") {
                            HTML.element("th", ["scope": "col"]) { text.thumbnail }
                            sortable("title", text.videoTitle, numeric: false)
                            sortable("score", text.score + " / " + text.criteria.lowercased(), numeric: true)
                            HTML.element("th", ["scope": "col"]) { text.status }
                            sortable("views", text.views, numeric: true)
                            sortable("engagement", text.engagement, numeric: true)
                            HTML.element("th", ["scope": "col"]) { "" }
                        }
                    }
                    HTML.element("tbody") {
                        for entry in firstPage { LibraryRow(entry: entry, text: text).html }
                    }
                }
            }
            HTML.element("div", ["class": "pager"]) {
                HTML.element("button", ["type": "button", "id": "library-previous", "disabled": ""]) { text.previous }
                HTML.element("span", ["id": "library-count"]) {
                    data.videos.isEmpty
                        ? "0"
                        : text.showing(
                            NumberText.grouped(1, text.language), NumberText.grouped(firstPage.count, text.language),
                            NumberText.grouped(data.videos.count, text.language))
                }
                HTML.element(
                    "button",
                    ["type": "button", "id": "library-next", "disabled": data.videos.count > Self.pageSize ? nil : ""]
                ) {
                    text.next
                }
            }
        }
    }

    private func sortable(_ key: String, _ title: String, numeric: Bool) -> HTML {
        HTML.element(
            "th",
            [
                "scope": "col", "class": numeric ? "n" : nil, "data-sort": key,
                "aria-sort": key == "day" ? "descending" : "none",
            ]
        ) {
            HTML.element("button", ["type": "button"]) { title }
        }
    }
}
