import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// Publishes `outbox/reports/niches.json`, `insights.json` and `dashboard.html` from the learning
/// index, each written atomically; called after every trends or analytics file (once per burst
/// in the daemon) and after every generation job.
package struct LearningReports: Sendable {
    package let index: LearningIndex
    package let folder: URL
    /// The dashboard's language; nil means the most common request language.
    package var language: Language?
    /// Names under `templates/music/`, offered by the dashboard's new-video form.
    package var music: [String] = []

    package init(index: LearningIndex, outbox: URL, language: Language? = nil) {
        self.index = index
        self.folder = outbox.appendingPathComponent("reports")
        self.language = language
    }

    /// Writes both reports and returns their files. The insights' window ends on `day`, by
    /// default the newest analytics day in the index (issue 11).
    @discardableResult
    package func publish(asOf day: CalendarDay? = nil) throws -> [URL] {
        let writer = ReportWriter(folder: folder)
        return [
            try writer.write(json: NichesReport(niches: index.niches()), as: "niches.json"),
            try writer.write(json: index.insights(asOf: day), as: "insights.json"),
            try writer.write(
                Data(
                    DashboardPage(data: DashboardData.read(from: index, language: language, asOf: day), music: music)
                        .html().utf8),
                as: "dashboard.html"),
        ]
    }
}
