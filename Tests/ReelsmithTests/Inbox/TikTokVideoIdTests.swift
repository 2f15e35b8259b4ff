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

/// The year of a post comes from its TikTok id (`id >> 32` = Unix seconds), checked against
/// ids whose times were worked out by hand (issue 11).
@Suite struct TikTokVideoIdTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)  // 2026-09-21, after every id below

    @Test func theTopThirtyTwoBitsAreTheCreationTimeInUnixSeconds() throws {
        // 7619267688575745025 >> 32 = 1773999000; 1773999000 / 86400 = 20532.3958 days: day
        // 20532 after 1970-01-01 is 2026-03-20 (2026-01-01 is day 20454 = 56 × 365 + 14 leap
        // days; + 31 + 28 + 19), and 0.3958 × 24 h = 09:30.
        let created = try #require(TikTokVideoId.creationDate("7619267688575745025", latest: Self.now))
        #expect(created.timeIntervalSince1970 == 1_773_999_000)
        #expect(
            TikTokVideoId.postedDay(id: "7619267688575745025", month: nil, day: nil, latest: Self.now)
                == CalendarDay(year: 2026, month: 3, day: 20))
    }

    @Test func aFebruaryPostFromTheYearBeforeLastKeepsItsYear() {
        // Exported on 2026-05-20 covering 15 months: "February 11" read against the export day
        // alone would be 2026-02-11. The id says 1739296800 = day 20130.75 = 2025-02-11 18:00 UTC
        // (2025-01-01 is day 20089; + 31 + 10).
        let id = "7470222874476493826"
        #expect(UInt64(id)! >> 32 == 1_739_296_800)
        #expect(
            LocalizedDay.parse("February 11", reference: CalendarDay(year: 2026, month: 5, day: 20)!)
                == CalendarDay(year: 2026, month: 2, day: 11), "the month-and-day rule alone is a year off")
        #expect(
            TikTokVideoId.postedDay(id: id, month: 2, day: 11, latest: Self.now)
                == CalendarDay(year: 2025, month: 2, day: 11))
    }

    @Test func aPostShownOnThirtyFirstDecemberForAnIdOfFirstJanuaryUTCStaysInTheOldYear() {
        // 7590207080857549827 >> 32 = 1767232800 = 20454 days + 7200 s = 2026-01-01 02:00 UTC,
        // which is 31 December 21:00 in New York, the day TikTok Studio shows a New York account.
        let id = "7590207080857549827"
        #expect(UInt64(id)! >> 32 == 1_767_232_800)
        #expect(
            TikTokVideoId.postedDay(id: id, month: 12, day: 31, latest: Self.now)
                == CalendarDay(year: 2025, month: 12, day: 31))
        #expect(
            TikTokVideoId.postedDay(id: id, month: 1, day: 1, latest: Self.now)
                == CalendarDay(year: 2026, month: 1, day: 1))
    }

    @Test func anIdWithoutAPlausibleTimeLeavesTheMonthAndDayRule() throws {
        // 12345 >> 32 = 0 (1970); an id from after `latest` is no real id either.
        #expect(TikTokVideoId.creationDate("12345", latest: Self.now) == nil)
        #expect(TikTokVideoId.creationDate("9999999999999999999", latest: Self.now) == nil)
        let table = try CSVTable.parse(
            data: Data(
                ("\u{FEFF}\"Time\",\"Video title\",\"Video link\",\"Post time\",\"Total likes\",\"Total comments\",\"Total shares\",\"Total views\"\n"
                    + "\"2026-03-10\",\"a\",\"https://www.tiktok.com/@a/video/12345\",\"17 mars\",\"1\",\"1\",\"1\",\"10\"\n")
                    .utf8),
            file: "Content.csv")
        let file = try TikTokContentDecoder.decode(
            table, file: "Content.csv", ingestDay: CalendarDay(year: 2026, month: 3, day: 25)!)
        guard case .tiktok(_, _, let postedOn) = file.rows.first?.subject else {
            Issue.record("no TikTok row")
            return
        }
        // 17 March comes after the export day (2026-03-10): the year before.
        #expect(postedOn == CalendarDay(year: 2025, month: 3, day: 17))
    }
}
