import Foundation
import GRDB
import Testing

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

/// Best posting hours, follower growth and audience shares from TikTok Studio's account files,
/// checked against values worked out by hand from the fixtures (issue 11).
@Suite struct AudienceInsightsTests {
    static let exportDay = CalendarDay(year: 2026, month: 3, day: 25)!
    static let none = NicheVocabulary(niches: [:])

    @discardableResult
    private func importFile(_ index: LearningIndex, _ name: String, data: Data? = nil, day: CalendarDay = exportDay)
        throws -> AnalyticsImport
    {
        let bytes = try data ?? Data(contentsOf: TestSupport.fixture("analytics/tiktok-export-2026-03-25/\(name)"))
        let file = try AnalyticsFile.decode(data: bytes, file: name, isYAML: false, ingestDay: day)
        return try index.importAnalytics(file, sourceFile: name, ingestDay: day, vocabulary: Self.none)
    }

    @Test func theBestTwoHoursAreTheHighestAverageNotTheHighestSingleHour() throws {
        let index = try LearningFixtures.index()
        try importFile(index, "FollowerActivity.csv")
        let hours = try #require(try index.insights(localZone: TimeZone(identifier: "UTC")!).audience.bestPostingHours)
        // By hand, over 23 and 24 March: 12:00 → (400 + 0) / 2 = 200, 19:00 → (300 + 280) / 2 = 290,
        // 20:00 → (260 + 300) / 2 = 280, 21:00 → (100 + 120) / 2 = 110, 18:00 → 28, 13:00 → 23.
        // Two-hour windows: 19–21 = 570, 20–22 = 390, 18–20 = 318, 12–14 = 223. The single busiest
        // hour of the file (400 at 12:00 on 23 March) does not win.
        #expect(hours.startHour == 19 && hours.endHour == 21 && hours.timeZone == "UTC")
        #expect(hours.hourlyAverage[12] == 200 && hours.hourlyAverage[19] == 290 && hours.hourlyAverage[20] == 280)
        // 3:00 on 24 March was `undefined`: 3:00 averages 23 March alone (10 + 3).
        #expect(hours.hourlyAverage[3] == 13)
        #expect(
            hours.dayCount == 2 && hours.from == CalendarDay(year: 2026, month: 3, day: 23)
                && hours.to == CalendarDay(year: 2026, month: 3, day: 24))
        #expect(hours.localTimeZone == nil && hours.window == "19:00–21:00 UTC")
    }

    @Test func theExportDaysZeroFilledFutureHoursDoNotSkewTheBestHours() throws {
        // Real exports end on the export day with the hours not yet happened written as 0. By hand,
        // over 29 September–1 October: 19:00 and 20:00 average 100, 10:00 and 11:00 average 60, so
        // 19–21 = 200 against 10–12 = 120. Had 2 October (200 at 10:00 and 11:00, 0 from 15:00) been
        // averaged in: 19–21 = 150 against 10–12 = 190, the wrong window.
        let index = try LearningFixtures.index()
        let day = CalendarDay(year: 2026, month: 10, day: 2)!
        try importFile(index, "FollowerActivity.csv", data: StudioExportFiles.followerActivity, day: day)
        let hours = try #require(try index.insights(localZone: TimeZone(identifier: "UTC")!).audience.bestPostingHours)
        #expect(hours.startHour == 19 && hours.endHour == 21)
        #expect(hours.hourlyAverage[19] == 100 && hours.hourlyAverage[10] == 60 && hours.hourlyAverage[23] == 20)
        #expect(hours.dayCount == 3 && hours.to == CalendarDay(year: 2026, month: 10, day: 1))
        // A newest day that is complete, or quiet where every day is quiet, is kept.
        let complete = (0..<24).map { FollowerActivityHour(day: day, hour: $0, activeFollowers: $0 == 23 ? 0 : 5) }
        let before = (0..<24).map {
            FollowerActivityHour(day: day.adding(days: -1), hour: $0, activeFollowers: $0 == 23 ? 0 : 5)
        }
        #expect(PostingHours.withoutPartialNewestDay(before + complete).count == 48)
    }

    @Test func theWindowIsAlsoGivenInTheCreatorsZoneOnTheNewestDay() throws {
        let index = try LearningFixtures.index()
        try importFile(index, "FollowerActivity.csv")
        // 24 March 2026: Paris is still on winter time (UTC+1, summer time starts 29 March);
        // New York has been on summer time since 8 March (UTC−4).
        let parisZone = try #require(TimeZone(identifier: "Europe/Paris"), "tzdata is installed")
        let newYorkZone = try #require(TimeZone(identifier: "America/New_York"))
        let paris = try #require(try index.insights(localZone: parisZone).audience.bestPostingHours)
        #expect(paris.window == "19:00–21:00 UTC (20:00–22:00 Europe/Paris)")
        let newYork = try #require(try index.insights(localZone: newYorkZone).audience.bestPostingHours)
        #expect(newYork.localStartHour == 15 && newYork.localEndHour == 17)
        let insights = try index.insights(localZone: parisZone)
        #expect(
            insights.recommendations.en.contains {
                $0.hasPrefix(
                    "Post between 19:00 and 21:00 UTC (20:00 and 22:00 Europe/Paris): your followers are most active then (285 on average per hour over 2 days"
                )
            })
        #expect(insights.recommendations.fr.contains { $0.hasPrefix("Publie entre 19:00 et 21:00 UTC") })
        // The file does not name its zone: UTC is said to be an assumption, not a fact.
        #expect(
            insights.recommendations.en.contains {
                $0.hasSuffix("TikTok Studio's hours, taken as UTC: the file does not say its time zone).")
            })
        #expect(!insights.recommendations.en.joined().contains("hours are UTC"))
    }

    @Test func followerGrowthAndSharesComeFromTheirFiles() throws {
        let index = try LearningFixtures.index()
        for name in [
            "FollowerHistory.csv", "FollowerGender.csv", "FollowerTopTerritories.csv", "Overview.csv", "Viewers.csv",
        ] {
            try importFile(index, name)
        }
        let audience = try index.insights().audience
        // 1095 followers on 24 March against 1000 on 18 March: +95 over 6 days.
        let growth = try #require(audience.followerGrowth)
        #expect(growth.change == 95 && growth.followers == 1095 && abs(growth.averagePerDay - 95.0 / 6) < 1e-9)
        #expect(
            growth.from == CalendarDay(year: 2026, month: 3, day: 18)
                && growth.to == CalendarDay(year: 2026, month: 3, day: 24))
        #expect(audience.genderShares.map(\.label) == ["Female", "Male", "Other"])
        #expect(audience.territoryShares.map(\.label) == ["France", "Belgium", "Canada", "Switzerland", "Morocco"])
        #expect(audience.territoryShares.first?.share == 0.38)
        // Overview, Viewers and FollowerHistory fill the same seven days.
        #expect(
            audience.daily.count == 7 && audience.daily[2].videoViews == 3900 && audience.daily[2].newViewers == 2100)
        #expect(
            audience.daily[2].followers == 1060 && audience.daily[3].profileViews == nil,
            "`undefined` stays unknown, not 0")
    }

    @Test func theFollowerGrowthCountsThirtyDaysUpToTheNewestOfFifteenMonths() throws {
        let index = try LearningFixtures.index()
        let data = try Data(contentsOf: TestSupport.fixture("analytics/follower-history-el-15-months.csv"))
        let result = try importFile(index, "FollowerHistory.csv", data: data)
        #expect(result.account?.new == 448)
        let growth = try #require(try index.insights().audience.followerGrowth)
        // 30 days up to 24 March 2026 start on 23 February; 2 more followers each day: 29 × 2 = 58.
        #expect(
            growth.from == CalendarDay(year: 2026, month: 2, day: 23) && growth.change == 58
                && growth.averagePerDay == 2)
    }

    @Test func anOlderExportNeverReplacesTheNewerNumbersOfADay() throws {
        let index = try LearningFixtures.index()
        let newer = try importFile(index, "Overview.csv")
        #expect(newer.account == AccountImportCounts(new: 7))
        // The same days exported earlier: 24 March was not complete yet (fewer views), 23 March
        // was the same, and 22 March gained a comments count the newer file left empty.
        let older = Data(
            ("\u{FEFF}\"Date\",\"Video Views\",\"Profile Views\",\"Likes\",\"Comments\",\"Shares\"\n"
                + "\"March 22\",\"1800\",\"60\",\"140\",\"7\",\"5\"\n\"March 23\",\"2100\",\"70\",\"150\",\"10\",\"7\"\n"
                + "\"March 24\",\"900\",\"30\",\"60\",\"4\",\"2\"\n").utf8)
        let result = try importFile(index, "Overview.csv", data: older)
        #expect(result.account == AccountImportCounts(new: 0, updated: 1, unchanged: 1, keptNewer: 1))
        let views = try LearningFixtures.int(index, "SELECT video_views FROM account_days WHERE day = '2026-03-24'")
        #expect(views == 2600, "the newer export's 2600 stays")
        #expect(try LearningFixtures.int(index, "SELECT comments FROM account_days WHERE day = '2026-03-22'") == 7)
    }

    @Test func sharesAreReplacedWholeByTheNewestFile() throws {
        let index = try LearningFixtures.index()
        try importFile(index, "FollowerTopTerritories.csv")
        let later = Data("\u{FEFF}\"Top territories\",\"Distribution\"\n\"France\",\"40%\"\n\"Belgium\",\"12%\"\n".utf8)
        let result = try importFile(index, "FollowerTopTerritories.csv", data: later)
        #expect(result.account == AccountImportCounts(new: 0, updated: 1, unchanged: 1))
        #expect(try index.insights().audience.territoryShares.map(\.label) == ["France", "Belgium"])
    }
}
