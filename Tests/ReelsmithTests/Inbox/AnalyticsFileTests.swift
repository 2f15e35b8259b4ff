import Foundation
import Testing

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

@Suite struct AnalyticsFileTests {
    static let today = CalendarDay(year: 2026, month: 11, day: 25)!

    private func decode(_ fixture: String) throws -> AnalyticsFile {
        let url = TestSupport.fixture("analytics/\(fixture)")
        return try AnalyticsFile.decode(
            data: Data(contentsOf: url), file: fixture, isYAML: url.pathExtension == "yaml", ingestDay: Self.today)
    }

    @Test func ourCSVInAnyColumnOrderKeepsGoodRowsAndListsBadOnes() throws {
        let file = try decode("ours-any-order.csv")
        #expect(file.format == .reelsmithCSV)
        #expect(file.rows.count == 3)
        let first = file.rows[0]
        #expect(first.subject == .video(id: "aaaaaaaaaaa1", tiktokId: nil))
        #expect(first.views == 15400 && first.likes == 1320 && first.shares == 85 && first.comments == 64)
        #expect(first.revenue == 3.10 && first.date == CalendarDay(year: 2026, month: 11, day: 20))
        #expect(file.rows[2].revenue == 1.5, "a decimal comma is read")
        #expect(file.rows.map(\.row) == [1, 3, 6], "blank lines do not count as rows")
        #expect(file.problems.map(\.row) == [2, 4, 5])
        #expect(
            file.problems[0].description.hasPrefix("ours-any-order.csv:3:28: row 2: `views` must be a whole number"))
        #expect(file.problems[1].description.contains("`date` is not a day Reelsmith can read: `2026-13-01`"))
        #expect(file.problems[2].description.contains("the row has 6 fields but the header has 7"))
    }

    @Test func anUnknownColumnFailsTheFileWithASuggestion() throws {
        let error = try #require(throws: InputError.self) { try decode("unknown-column.csv") }
        #expect(error.description == "unknown-column.csv:1:10: unknown column `viewz` — did you mean `views`?")
    }

    @Test func aMissingColumnFailsTheFile() throws {
        let error = try #require(throws: InputError.self) {
            try AnalyticsFile.decode(
                data: Data("video_id,views\nabc,1\n".utf8), file: "m.csv", isYAML: false, ingestDay: Self.today)
        }
        #expect(error.reason == .missingKey(name: "likes"))
    }

    @Test func tiktokExportWithBOMSemicolonsCRLFAndLocalizedPostTimes() throws {
        let file = try decode("tiktok-semicolon-crlf.csv")
        #expect(file.format == .tiktokContent)
        #expect(file.rows.count == 6)
        let exportDay = CalendarDay(year: 2026, month: 3, day: 10)!
        #expect(file.rows.allSatisfy { $0.date == exportDay && $0.revenue == nil })
        guard case .tiktok(let id, let caption, let postedOn) = file.rows[0].subject else {
            Issue.record("not a TikTok row")
            return
        }
        #expect(id == "7612719582511108096")
        #expect(caption == "Ma routine du matin ☀️\n« 5 minutes » qui changent tout #motivation #routine")
        #expect(postedOn == CalendarDay(year: 2026, month: 3, day: 2), "2 Μαρτίου")
        #expect(
            file.rows[0].views == 25000 && file.rows[0].likes == 1200 && file.rows[0].comments == 45
                && file.rows[0].shares == 30)
        let posted = file.rows.map { row -> String in
            if case .tiktok(_, _, let day) = row.subject { return day?.description ?? "-" }
            return "?"
        }
        // Μαρτίου, février, März, marzo, fevereiro, dicembre. 17 March and 30 December come after
        // the export day (2026-03-10), so they are the year before.
        #expect(posted == ["2026-03-02", "2026-02-17", "2025-03-17", "2026-03-05", "2026-02-28", "2025-12-30"])
        if case .tiktok(_, let caption, _) = file.rows[1].subject {
            #expect(caption == "He said \"never skip leg day\" 🦵😂 #gym #fitness")
        }
        if case .tiktok(_, let caption, _) = file.rows[4].subject { #expect(caption.contains("مرحبا 你好 שלום")) }
        #expect(file.problems.map(\.row) == [7, 8])
        #expect(file.problems[0].description.contains("`Total views` must be a whole number"))
        #expect(file.problems[1].description.contains("`Video link` holds no TikTok video id"))
    }

    @Test func yamlAnalyticsListsBadItemsWithTheirLines() throws {
        let file = try decode("bad-rows.yaml")
        #expect(file.format == .yaml)
        #expect(file.rows.count == 1)
        #expect(file.rows[0].views == 500 && file.rows[0].likes == 5 && file.rows[0].shares == 0)
        #expect(file.problems.map(\.row) == [2, 3])
        #expect(file.problems[0].description == "bad-rows.yaml:7:5: row 2: unknown key `viewz` — did you mean `views`?")
        #expect(file.problems[1].line == 9)
    }
}
