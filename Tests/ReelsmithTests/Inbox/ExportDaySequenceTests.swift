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

/// Year-less days of TikTok Studio's daily files get their years from their order (issue 11).
@Suite struct ExportDaySequenceTests {
    @Test func frenchDaysAcrossANewYearNewestFirst() throws {
        let file = try AnalyticsFile.decode(
            data: Data(contentsOf: TestSupport.fixture("analytics/overview-fr-year-boundary.csv")),
            file: "Overview.csv",
            isYAML: false, ingestDay: CalendarDay(year: 2026, month: 1, day: 5)!)
        let days = try #require(file.account).days.map(\.day.description)
        #expect(
            days == ["2026-01-03", "2026-01-02", "2026-01-01", "2025-12-31", "2025-12-30", "2025-12-29", "2025-12-28"])
        // "3 janvier" is the newest row: its views (100) are the first row's.
        #expect(file.account?.days.first?.metrics[.videoViews] == 100)
    }

    @Test func greekDaysOverFifteenMonthsOldestFirst() throws {
        let texts = ["1 Ιανουαρίου", "31 Δεκεμβρίου", "1 Ιανουαρίου", "24 Μαρτίου"]
        // Read alone against 2026-03-25, "1 Ιανουαρίου" would be 2026-01-01 for both rows.
        #expect(
            LocalizedDay.parse(texts[0], reference: CalendarDay(year: 2026, month: 3, day: 25)!)
                == CalendarDay(year: 2026, month: 1, day: 1))
        let file = try AnalyticsFile.decode(
            data: Data(contentsOf: TestSupport.fixture("analytics/follower-history-el-15-months.csv")),
            file: "FollowerHistory.csv",
            isYAML: false, ingestDay: CalendarDay(year: 2026, month: 3, day: 25)!)
        let days = try #require(file.account).days
        // 2025-01-01 … 2026-03-24: 365 + 31 + 28 + 24 = 448 days, one row each.
        #expect(days.count == 448 && file.problems.isEmpty)
        #expect(days.first?.day == CalendarDay(year: 2025, month: 1, day: 1))
        #expect(
            days[364].day == CalendarDay(year: 2025, month: 12, day: 31)
                && days[365].day == CalendarDay(year: 2026, month: 1, day: 1))
        #expect(days.last?.day == CalendarDay(year: 2026, month: 3, day: 24))
        #expect(Set(days.map(\.day)).count == 448, "no day read twice")
        #expect(days.last?.metrics[.followers] == 500 + 2 * 447 && days.last?.metrics[.followerChange] == 2)
    }

    @Test func repeatedDaysOfFollowerActivityKeepOneYear() {
        let texts = ["December 31", "December 31", "January 1", "January 1"]
        let days = ExportDaySequence.days(texts, reference: CalendarDay(year: 2026, month: 1, day: 2)!)
        #expect(days.map { $0?.description ?? "-" } == ["2025-12-31", "2025-12-31", "2026-01-01", "2026-01-01"])
    }

    @Test func indonesianMonthNamesAreRead() {
        let reference = CalendarDay(year: 2026, month: 12, day: 31)!
        #expect(LocalizedDay.parse("17 Agustus", reference: reference) == CalendarDay(year: 2026, month: 8, day: 17))
        #expect(LocalizedDay.parse("2 Maret", reference: reference) == CalendarDay(year: 2026, month: 3, day: 2))
        #expect(LocalizedDay.parse("25 Desember", reference: reference) == CalendarDay(year: 2026, month: 12, day: 25))
    }
}
