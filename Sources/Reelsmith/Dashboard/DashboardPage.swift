import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// `outbox/reports/dashboard.html` (issue 10): one self-contained page — styles, charts and
/// script inline, no server, no CDN, no request leaving the outbox — that a creator opens from
/// the synced outbox on a phone or a laptop. Its content security policy forbids every fetch
/// but the video thumbnails beside it.
package struct DashboardPage: Sendable {
    package let data: DashboardData
    /// The project's music names, suggested by the new-video form.
    package let music: [String]

    package init(data: DashboardData, music: [String] = []) {
        self.data = data
        self.music = music
    }

    /// Nothing may load but the page's own inline styles, local images, and the one script whose
    /// hash is named here: were a text ever to slip through unescaped, its script would not run.
    static let contentSecurityPolicy =
        "default-src 'none'; img-src 'self' file:; style-src 'unsafe-inline'; "
        + "script-src 'sha256-\(Data(SHA256.digest(Data(DashboardScript.javascript.description.utf8))).base64EncodedString())'; "
        + "base-uri 'none'; form-action 'none'"

    package func html() throws -> String {
        let text = DashboardText(language: data.language)
        let libraryNiches = Array(Set(data.videos.map(\.niche))).sorted()
        let payload = DashboardPayload(
            videos: data.videos, niches: libraryNiches, text: text, pageSize: LibrarySection.pageSize)
        let rankedNiches = data.niches.niches.map(\.name)
        let payloadJSON = try payload.json()
        let page = HTML.element("html", ["lang": data.language.rawValue]) {
            HTML.element("head") {
                HTML.void("meta", ["charset": "utf-8"])
                HTML.void("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
                HTML.void("meta", ["http-equiv": "Content-Security-Policy", "content": Self.contentSecurityPolicy])
                HTML.void("meta", ["name": "color-scheme", "content": "light dark"])
                HTML.void("meta", ["name": "generator", "content": "reelsmith"])
                HTML.element("title") { text.title }
                HTML.element("style") { HTML.trusted(DashboardStyle.css) }
            }
            HTML.element("body") {
                HTML.element("header") {
                    HTML.element("h1") { text.title }
                    HTML.element("p", ["id": "updated"]) { text.updated(Self.timestamp(data.generatedAt)) }
                    HTML.element("nav") {
                        HTML.element("a", ["href": "#overview"]) { text.overview }
                        HTML.element("a", ["href": "#niches"]) { text.nichesAndTrends }
                        HTML.element("a", ["href": "#library"]) { text.library }
                        HTML.element("a", ["href": "#insights"]) { text.insights }
                        HTML.element("a", ["href": "#new-video"]) { text.newVideo }
                    }
                }
                HTML.element("main") {
                    if data.isEmpty { firstRun(text) }
                    OverviewSection(data: data, text: text).html
                    NichesSection(data: data, text: text).html
                    LibrarySection(data: data, text: text, niches: libraryNiches).html
                    InsightsSection(data: data, text: text).html
                    NewVideoForm(text: text, niches: rankedNiches, music: music).html
                }
                HTML.json(id: "dashboard-data", payloadJSON)
                HTML.element("script") { HTML.trusted(DashboardScript.javascript) }
            }
        }
        return "<!DOCTYPE html>\n" + page.markup + "\n"
    }

    /// The first-run panel: what to drop where, never an error.
    private func firstRun(_ text: DashboardText) -> HTML {
        HTML.element("section", ["id": "first-run"]) {
            HTML.element("h2") { text.firstRunTitle }
            HTML.element("ol", ["class": "steps"]) {
                for step in text.firstRunSteps { HTML.element("li") { step } }
            }
            HTML.element("p", ["class": "muted"]) { text.firstRunNote }
        }
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = .current
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
