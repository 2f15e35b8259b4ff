import Testing

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

@Suite struct LocalizedDayTests {
    static let exportDay = CalendarDay(year: 2026, month: 11, day: 20)!

    @Test(arguments: [
        ("April 17", 4, 17), ("Apr 17, 10:32", 4, 17), ("17 avril", 4, 17), ("3 févr.", 2, 3), ("1er août", 8, 1),
        ("2 Μαρτίου", 3, 2), ("15 Αυγούστου", 8, 15), ("5 Μαΐου", 5, 5), ("Δεκεμβρίου 1", 12, 1),
        ("17. März", 3, 17), ("3. Jänner", 1, 3), ("9. Okt.", 10, 9),
        ("5 de marzo", 3, 5), ("12 de septiembre", 9, 12), ("1 ene", 1, 1),
        ("28 de fevereiro", 2, 28), ("4 de outubro", 10, 4), ("7 set", 9, 7),
        ("30 dicembre", 12, 30), ("6 giugno", 6, 6), ("2 gen", 1, 2),
        ("12 mei", 5, 12), ("3 марта", 3, 3), ("4月17日", 4, 17),
    ])
    func monthNamesOfEachLanguageAreRead(text: String, month: Int, day: Int) {
        let parsed = LocalizedDay.parse(text, reference: Self.exportDay)
        #expect(parsed?.month == month && parsed?.day == day, "\(text) → \(String(describing: parsed))")
        #expect(parsed?.year == (month * 100 + day <= 1120 ? 2026 : 2025))
    }

    @Test func theYearIsTheLatestThatDoesNotPassTheExportDay() {
        let january = CalendarDay(year: 2026, month: 1, day: 5)!
        #expect(LocalizedDay.parse("December 30", reference: january) == CalendarDay(year: 2025, month: 12, day: 30))
        #expect(LocalizedDay.parse("January 5", reference: january) == january)
        #expect(LocalizedDay.parse("November 20", reference: Self.exportDay) == Self.exportDay)
        #expect(
            LocalizedDay.parse("November 21", reference: Self.exportDay) == CalendarDay(year: 2025, month: 11, day: 21))
    }

    @Test func explicitYearsAndNumericDaysAreRead() {
        #expect(
            LocalizedDay.parse("2026-04-17", reference: Self.exportDay) == CalendarDay(year: 2026, month: 4, day: 17))
        #expect(
            LocalizedDay.parse("17 avril 2024", reference: Self.exportDay) == CalendarDay(year: 2024, month: 4, day: 17)
        )
        #expect(
            LocalizedDay.parse("17/04/2026", reference: Self.exportDay) == CalendarDay(year: 2026, month: 4, day: 17))
        #expect(
            LocalizedDay.parse("04/17/2026", reference: Self.exportDay) == CalendarDay(year: 2026, month: 4, day: 17))
        #expect(
            LocalizedDay.parse("2026年4月17日", reference: Self.exportDay) == CalendarDay(year: 2026, month: 4, day: 17))
        #expect(LocalizedDay.parse("someday", reference: Self.exportDay) == nil)
        #expect(LocalizedDay.parse("31 février", reference: Self.exportDay) == nil)
    }

    @Test func noAbbreviationNamesTwoMonths() {
        var seen: [String: Int] = [:]
        for (month, words) in MonthNames.names {
            for word in words {
                let key = MonthNames.fold(word)
                #expect(seen[key] == nil || seen[key] == month, "\(word) names months \(seen[key] ?? 0) and \(month)")
                seen[key] = month
            }
        }
    }

    @Test func calendarDaysCountAcrossMonthsAndLeapYears() {
        let day = CalendarDay(year: 2024, month: 2, day: 28)!
        #expect(day.adding(days: 1) == CalendarDay(year: 2024, month: 2, day: 29))
        #expect(day.adding(days: 2) == CalendarDay(year: 2024, month: 3, day: 1))
        #expect(
            CalendarDay(year: 2026, month: 1, day: 1)!.adding(days: -1) == CalendarDay(year: 2025, month: 12, day: 31))
        #expect(
            CalendarDay(year: 2026, month: 3, day: 1)!.days(since: CalendarDay(year: 2026, month: 2, day: 1)!) == 28)
        #expect(CalendarDay(year: 2025, month: 2, day: 29) == nil)
        #expect(CalendarDay(iso: "2026-11-20T10:00:00Z")?.description == "2026-11-20")
    }
}
