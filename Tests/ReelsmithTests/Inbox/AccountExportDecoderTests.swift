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

/// TikTok Studio's account-level export files, each recognised by its header (issue 11).
@Suite struct AccountExportDecoderTests {
    static let exportDay = CalendarDay(year: 2026, month: 3, day: 25)!
    static let folder = "analytics/tiktok-export-2026-03-25"

    private func decode(_ name: String) throws -> AnalyticsFile {
        try AnalyticsFile.decode(
            data: Data(contentsOf: TestSupport.fixture("\(Self.folder)/\(name)")), file: name, isYAML: false,
            ingestDay: Self.exportDay)
    }

    @Test func everyFileOfTheFolderIsRecognisedByItsHeader() throws {
        for export in TikTokExport.allCases {
            let data = try Data(contentsOf: TestSupport.fixture("\(Self.folder)/\(export.rawValue)"))
            #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "written with a BOM like TikTok Studio's")
            let table = try CSVTable.parse(data: data, file: export.rawValue)
            #expect(TikTokExport.recognize(header: table.header.fields) == export)
        }
    }

    @Test func overviewSkipsUndefinedAndEmptyCellsAndKeepsTheRestOfTheRow() throws {
        let file = try decode("Overview.csv")
        let account = try #require(file.account)
        #expect(file.format == .tiktokAccount && account.export == .overview && file.problems.isEmpty)
        #expect(account.skippedCells == 2, "`undefined` profile views on 21 March, empty comments on 22 March")
        #expect(account.days.map(\.day) == (18...24).map { CalendarDay(year: 2026, month: 3, day: $0)! })
        let march21 = account.days[3].metrics
        #expect(march21[.videoViews] == 2500 && march21[.profileViews] == nil && march21[.likes] == 180)
        #expect(account.days[4].metrics[.comments] == nil && account.days[4].metrics[.shares] == 5)
    }

    @Test func followerHistoryReadsANegativeDifference() throws {
        let days = try #require(try decode("FollowerHistory.csv").account).days
        #expect(days[4].metrics[.followers] == 1071 && days[4].metrics[.followerChange] == -4)
    }

    @Test func followerActivityReadsHoursAndSkipsAnUndefinedCount() throws {
        let account = try #require(try decode("FollowerActivity.csv").account)
        #expect(account.activity.count == 47 && account.skippedCells == 1)
        #expect(
            account.activity.first
                == FollowerActivityHour(day: CalendarDay(year: 2026, month: 3, day: 23)!, hour: 0, activeFollowers: 10))
        #expect(
            ["0", "19", "19:00", "7 PM", "7pm", "12 AM", "12 PM", "19h"].map(AccountExportDecoder.hour) == [
                0, 19, 19, 19, 19, 0, 12, 19,
            ])
        #expect(["24", "-1", "7:30", "13 PM", "noon", ""].map(AccountExportDecoder.hour).allSatisfy { $0 == nil })
    }

    @Test func audienceSharesAreFractionsWhateverTheScale() throws {
        let gender = try #require(try decode("FollowerGender.csv").account).shares
        #expect(gender.map(\.label) == ["Female", "Male", "Other"] && gender.map(\.share) == [0.56, 0.41, 0.03])
        #expect(gender.allSatisfy { $0.dimension == .gender })
        let percent = try AnalyticsFile.decode(
            data: Data(
                "\u{FEFF}\"Top territories\",\"Distribution\"\n\"Greece\",\"61%\"\n\"Cyprus\",\"12,5%\"\n\"Other\",\"undefined\"\n"
                    .utf8),
            file: "FollowerTopTerritories.csv", isYAML: false, ingestDay: Self.exportDay)
        #expect(percent.account?.shares.map(\.share) == [0.61, 0.125] && percent.account?.skippedCells == 1)
        #expect(percent.account?.shares.first?.dimension == .territory)
    }

    @Test func aFileWeDoNotReadListsTheOnesWeDo() throws {
        let error = try #require(throws: InputError.self) {
            try AnalyticsFile.decode(
                data: Data(contentsOf: TestSupport.fixture("analytics/unknown-tiktok-file.csv")), file: "Search.csv",
                isYAML: false,
                ingestDay: Self.exportDay)
        }
        #expect(error.problem == "the header \"Search term\",\"Search volume\" is not one of a file Reelsmith reads")
        for name in TikTokExport.allCases.map(\.rawValue) {
            #expect(error.fix.contains(name.replacingOccurrences(of: ".csv", with: "")))
        }
        #expect(error.fix.contains("video_id,views,likes,shares,comments") && !error.fix.contains("did you mean"))
    }

    @Test func aOneSheetWorkbookIsReadAsItsCSVWithANumericCell() throws {
        let data = try Data(contentsOf: TestSupport.fixture("analytics/FollowerGender.xlsx"))
        #expect(data.starts(with: [0x50, 0x4B, 0x03, 0x04]), "a real zip")
        let file = try AnalyticsFile.decode(
            data: data, file: "FollowerGender.xlsx", isYAML: false, ingestDay: Self.exportDay)
        let account = try #require(file.account)
        #expect(account.export == .followerGender && file.problems.isEmpty)
        #expect(account.shares == [AudienceShare(dimension: .gender, label: "Female", share: 0.56)])
    }

    @Test func overviewReadsNetNegativeDaysAndTheNewFollowersColumn() throws {
        // Real exports: net comments of "-1" on a day a comment was deleted; newer exports' 7th column.
        let csv = StudioExportFiles.csv(
            StudioExportFiles.overviewHeader + ["New followers"],
            [["July 16", "31185", "277", "39", "64", "1", "112"], ["July 19", "80", "0", "3", "-1", "0", "-4"]])
        let file = try AnalyticsFile.decode(
            data: csv, file: "Overview.csv", isYAML: false, ingestDay: CalendarDay(year: 2026, month: 7, day: 28)!)
        let account = try #require(file.account)
        #expect(file.problems.isEmpty && account.export == .overview)
        #expect(account.days[0].metrics[.followerChange] == 112 && account.days[0].metrics[.videoViews] == 31185)
        #expect(account.days[1].metrics[.comments] == -1 && account.days[1].metrics[.followerChange] == -4)
        // Views are never net: a negative one is still a row problem naming the column.
        let views = StudioExportFiles.csv(StudioExportFiles.overviewHeader, [["July 19", "-80", "0", "3", "0", "0"]])
        let refused = try AnalyticsFile.decode(
            data: views, file: "Overview.csv", isYAML: false, ingestDay: CalendarDay(year: 2026, month: 7, day: 28)!)
        #expect(refused.problems.first?.problem.hasPrefix("`Video Views` must be a whole number") == true)
    }
}
