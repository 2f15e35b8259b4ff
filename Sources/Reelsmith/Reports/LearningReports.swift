import Foundation

/// Publishes `outbox/reports/niches.json` and `insights.json` from the learning index, each
/// written atomically; called after every trends or analytics file.
public struct LearningReports: Sendable {
    public let index: LearningIndex
    public let folder: URL

    public init(index: LearningIndex, outbox: URL) {
        self.index = index
        self.folder = outbox.appendingPathComponent("reports")
    }

    /// Writes both reports and returns their files. The insights' window ends on `day`, by
    /// default the newest analytics day in the index (issue 11).
    @discardableResult
    public func publish(asOf day: CalendarDay? = nil) throws -> [URL] {
        let writer = ReportWriter(folder: folder)
        return [
            try writer.write(json: NichesReport(niches: index.niches()), as: "niches.json"),
            try writer.write(json: index.insights(asOf: day), as: "insights.json"),
        ]
    }
}
