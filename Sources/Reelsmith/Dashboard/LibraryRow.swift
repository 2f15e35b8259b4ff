import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// One library row as markup: the first page is written into the HTML so that it reads without
/// script; the page's script draws the same row (`row(v)` in ``DashboardScript``) when the reader
/// sorts, filters or turns pages.
struct LibraryRow: Sendable {
    package let entry: LibraryEntry
    package let text: DashboardText

    /// `../videos/` seen from `outbox/reports/dashboard.html`: relative, so it works over
    /// `file://` and inside a synced folder wherever it is mounted.
    static let videosBase = "../videos/"

    /// A folder name as one URL path segment (`encodeURIComponent` in the script).
    static func pathSegment(_ name: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(
            CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-_.!~*'()")
        return name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name
    }

    package var html: HTML {
        let base = entry.folder.map { Self.videosBase + Self.pathSegment($0) + "/" }
        return HTML.element("tr", ["data-id": entry.id]) {
            HTML.element("td", ["class": "thumb"]) {
                if let base {
                    HTML.element("a", ["href": base + "video.mp4"]) {
                        HTML.void(
                            "img", ["class": "thumb", "src": base + "thumbnail.jpg", "alt": "", "loading": "lazy"])
                    }
                }
            }
            HTML.element("td", ["class": "title"]) {
                if let base { HTML.element("a", ["href": base]) { entry.title } } else { entry.title }
                HTML.element("small") { entry.niche + " · " + entry.day }
            }
            HTML.element("td", ["class": "n score", "data-label": text.score]) {
                entry.score.map(String.init) ?? "—"
                if let criteria = entry.criteria {
                    HTML.element("small", ["class": "crit", "title": Self.criteriaTitle(criteria, text: text)]) {
                        criteria.map(String.init).joined(separator: " · ")
                    }
                }
            }
            HTML.element("td", ["class": "status", "data-label": text.status]) { text.statusName(entry.status) }
            HTML.element("td", ["class": "n views", "data-label": text.views]) {
                NumberText.grouped(entry.views, text.language)
            }
            HTML.element("td", ["class": "n engagement", "data-label": text.engagement]) {
                NumberText.grouped(entry.engagement, text.language)
            }
            HTML.element("td", ["class": "links"]) {
                if let base {
                    HTML.element("a", ["href": base]) { text.folder }
                    " · "
                    HTML.element("a", ["href": base + "video.mp4"]) { "MP4" }
                }
            }
        }
    }

    static func criteriaTitle(_ criteria: [Int], text: DashboardText) -> String {
        zip(text.criterionNames, zip(criteria, VideoCriteria.maximums)).map { "\($0) \($1.0)/\($1.1)" }.joined(
            separator: ", ")
    }
}
