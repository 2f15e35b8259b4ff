import Foundation
import GRDB
import Testing
import ZIPFoundation

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

/// TikTok Studio's "Download data" as it really comes (issue 11): one zip per section with the CSVs
/// inside, and the Viewers section sometimes only as `Viewers_<handle>.zip → Viewers.xlsx`.
@Suite struct StudioExportArchiveTests {
    /// The day of the download: the last day of Overview.csv is the day before.
    static let exportDay = CalendarDay(year: 2026, month: 10, day: 2)!
    typealias Files = StudioExportFiles

    private func followersZip(_ compression: CompressionMethod) throws -> Data {
        try Files.zip(
            [
                ("FollowerActivity.csv", Files.followerActivity), ("FollowerGender.csv", Files.followerGender),
                ("FollowerHistory.csv", Files.followerHistory),
                ("FollowerTopTerritories.csv", Files.followerTerritories),
            ], compression: compression)
    }

    private func decode(_ data: Data, _ name: String) throws -> AnalyticsFile {
        try AnalyticsFile.decode(data: data, file: name, isYAML: false, ingestDay: Self.exportDay)
    }

    @Test(arguments: [false, true])
    func aFollowersZipReadsEachCSVAsTheSameFileDroppedLoose(deflated: Bool) throws {
        let zipped = try decode(try followersZip(deflated ? .deflate : .none), "Followers_atavernanerd.zip")
        #expect(
            zipped.parts.map(\.file) == [
                "Followers_atavernanerd.zip/FollowerActivity.csv", "Followers_atavernanerd.zip/FollowerGender.csv",
                "Followers_atavernanerd.zip/FollowerHistory.csv",
                "Followers_atavernanerd.zip/FollowerTopTerritories.csv",
            ])
        let loose: [(String, Data)] = [
            ("FollowerActivity.csv", Files.followerActivity), ("FollowerGender.csv", Files.followerGender),
            ("FollowerHistory.csv", Files.followerHistory), ("FollowerTopTerritories.csv", Files.followerTerritories),
        ]
        for (part, (name, data)) in zip(zipped.parts, loose) {
            let fromZip = try part.result.get()
            let alone = try decode(data, name)
            #expect(fromZip.account == alone.account && fromZip.account != nil, "\(name)")
            #expect(fromZip.problems.isEmpty)
        }
        let history = try zipped.parts[2].result.get().account
        #expect(history?.days.last?.day == CalendarDay(year: 2026, month: 10, day: 1))
        #expect(history?.days.last?.metrics[.followers] == 4)
        #expect(try zipped.parts[0].result.get().account?.activity.count == 96)
    }

    @Test func aProblemInAZippedCSVNamesTheZipTheFileAndTheRow() throws {
        let broken = Files.csv(
            Files.overviewHeader,
            [["September 25", "118", "0", "5", "0", "0"], ["September 26", "lots", "1", "9", "0", "0"]])
        let data = try Files.zip([("Overview.csv", broken)])
        let file = try decode(data, "Overview_2026-09-25_1790891174_atavernanerd.zip")
        let problem = try #require(file.problems.first)
        #expect(file.problems.count == 1)
        #expect(problem.file == "Overview_2026-09-25_1790891174_atavernanerd.zip/Overview.csv" && problem.row == 2)
        #expect(problem.description.hasPrefix("Overview_2026-09-25_1790891174_atavernanerd.zip/Overview.csv:3:"))
        #expect(problem.description.contains("row 2: `Video Views` must be a whole number"))
    }

    @Test func anUnreadableFileInAZipIsListedAndTheOthersStillCount() throws {
        let data = try Files.zip([
            ("FollowerHistory.csv", Files.followerHistory),
            ("Notes.csv", Files.csv(["Search term", "Search volume"], [["cats", "10"]])),
        ])
        let file = try decode(data, "Followers_x.zip")
        #expect(file.parts.count == 2)
        #expect((try? file.parts[0].result.get().account?.days.count) == 7)
        let unreadable = try #require(file.problems.first)
        #expect(unreadable.description.hasPrefix("Followers_x.zip/Notes.csv: the header \"Search term\""))
        // A zip none of whose files can be read fails, naming the file inside.
        let alone = try Files.zip([("Notes.csv", Files.csv(["Search term", "Search volume"], [["cats", "10"]]))])
        let error = try #require(throws: InputError.self) { try decode(alone, "Content_x.zip") }
        #expect(error.file == "Content_x.zip/Notes.csv")
    }

    @Test func aZipBombStopsAtTheLimitAndTooManyFilesAreRefused() throws {
        // 65 MB of zeros deflate to about 64 KB: read as they inflate, stopped past 64 MB.
        let zeros = Data(count: ZipArchiveReader.maximumUncompressedBytes + (1 << 20))
        let bomb = try Files.zip([("Overview.csv", zeros)], compression: .deflate)
        #expect(bomb.count < 1 << 20)
        let error = try #require(throws: InputError.self) { try decode(bomb, "Overview_x.zip") }
        #expect(error.reason == .tooLarge && error.problem.contains("inflates to more than 64 MB"))

        let many = try Files.zip((0...ZipArchiveReader.maximumEntries).map { ("f\($0).csv", Files.followerGender) })
        let tooMany = try #require(throws: InputError.self) { try decode(many, "many.zip") }
        #expect(tooMany.reason == .tooComplex && tooMany.problem.contains("more than 64 files"))

        let damaged = try #require(throws: InputError.self) {
            try decode(Data([0x50, 0x4B, 0x03, 0x04]) + Data(repeating: 7, count: 100), "cut.zip")
        }
        #expect(damaged.problem.contains("cannot be read"))
    }

    @Test func anEntryPathIsOnlyANameNothingIsWrittenOutside() throws {
        let data = try Files.zip([("../../escaped/FollowerGender.csv", Files.followerGender)])
        let file = try decode(data, "Followers_x.zip")
        #expect(file.parts.first?.file == "Followers_x.zip/../../escaped/FollowerGender.csv")
        #expect((try? file.parts[0].result.get().account?.shares.count) == 2)
        #expect(!FileManager.default.fileExists(atPath: FileManager.default.currentDirectoryPath + "/../../escaped"))
    }

    // MARK: Viewers.xlsx

    @Test func viewersXlsxIsReadAsTheCSVWithTheSameHeader() throws {
        let xlsx = try Files.workbook(rows: Files.viewersRows)
        let csv = Files.csv(Files.viewersRows[0], Array(Files.viewersRows.dropFirst()))
        let fromWorkbook = try #require(try decode(xlsx, "Viewers.xlsx").account)
        let fromCSV = try #require(try decode(csv, "Viewers.csv").account)
        #expect(fromWorkbook == fromCSV)
        #expect(fromWorkbook.export == .viewers && fromWorkbook.skippedCells == 1, "`undefined` on the first day")
        #expect(fromWorkbook.days.count == 7 && fromWorkbook.days[1].metrics[.totalViewers] == 663)
        #expect(
            fromWorkbook.days[1].metrics[.newViewers] == 622 && fromWorkbook.days[1].metrics[.returningViewers] == 41)

        // Inside its zip, as TikTok Studio gives it.
        let zipped = try decode(try Files.zip([("Viewers.xlsx", xlsx)]), "Viewers_atavernanerd.zip")
        #expect(zipped.parts.map(\.file) == ["Viewers_atavernanerd.zip/Viewers.xlsx"])
        #expect(try zipped.parts[0].result.get().account == fromCSV)
    }

    @Test func aWorkbookCellProblemNamesTheSheetRowAndColumn() throws {
        var rows = Files.viewersRows
        rows[3][1] = "abc"
        let file = try decode(try Files.workbook(rows: rows), "Viewers.xlsx")
        let problem = try #require(file.problems.first)
        #expect(problem.row == 3 && problem.line == 4 && problem.column == 2, "cell B4")
    }

    @Test func otherWorkbooksGetAClearMessage() throws {
        let twoSheets = try Files.workbook(rows: Files.viewersRows, extraSheet: true)
        let error = try #require(throws: InputError.self) { try decode(twoSheets, "Report.xlsx") }
        #expect(
            error.problem
                == "this workbook has 2 sheets; Reelsmith reads a workbook of one sheet, as TikTok Studio's Viewers.xlsx"
        )
        #expect(error.fix.contains("save the sheet as \"CSV UTF-8\""))
        let otherHeader = try Files.workbook(sheetName: "Budget", rows: [["Month", "Cost"], ["May", "3"]])
        let unknown = try #require(throws: InputError.self) { try decode(otherHeader, "Budget.xlsx") }
        #expect(unknown.problem.hasPrefix("the header \"Month\",\"Cost\" is not one of a file Reelsmith reads"))
    }

    @Test func aWorkbookPartWithADocumentTypeIsRefusedBeforeItIsParsed() throws {
        // An external entity (a local file) and an expanding one, in the shared strings.
        let hostile =
            #"<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/passwd"><!ENTITY a "aaaaaaaa">"#
            + #"<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
            + #"<si><t>&x;&b;</t></si></sst>"#
        let entries = try ZipArchiveReader.entries(
            of: try Files.workbook(rows: Files.viewersRows), file: "Viewers.xlsx")
        #expect(entries.contains { $0.path == "xl/sharedStrings.xml" })
        let rebuilt = try Files.zip(
            entries.map { ($0.path, $0.path == "xl/sharedStrings.xml" ? Data(hostile.utf8) : $0.data) })
        let error = try #require(throws: InputError.self) { try decode(rebuilt, "Viewers.xlsx") }
        #expect(error.problem.contains("declares a document type"), "\(error)")
        #expect(!error.description.contains("root:"), "nothing of the named file is read")
    }

    // MARK: Through the processor and the command line

    private func processor(_ workspace: Workspace) throws -> InboxProcessor {
        InboxProcessor(
            generation: GenerationPipeline(workspace: workspace, index: try LearningIndex(url: workspace.indexFile)),
            ingestDay: Self.exportDay)
    }

    private func writeExport(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Files.zip([("Overview.csv", Files.overview)])
            .write(to: folder.appendingPathComponent("Overview_2026-09-25_1790891174_atavernanerd.zip"))
        try followersZip(.none).write(to: folder.appendingPathComponent("Followers_atavernanerd.zip"))
        try Files.zip([("Viewers.xlsx", try Files.workbook(rows: Files.viewersRows))])
            .write(to: folder.appendingPathComponent("Viewers_atavernanerd.zip"))
    }

    @Test func theProcessorImportsEachFileOfAZipWithOneLineApiece() async throws {
        let workspace = try TestSupport.makeWorkspace()
        let folder = workspace.inbox.appendingPathComponent("analytics")
        try writeExport(to: folder)
        let processor = try processor(workspace)
        let outcome = try await processor.process(
            file: folder.appendingPathComponent("Followers_atavernanerd.zip"), displayName: "Followers_atavernanerd.zip"
        )
        #expect(outcome.kind == .analytics && outcome.problems.isEmpty)
        let zip = "  Followers_atavernanerd.zip/"
        let expected: [String] = [
            "zip of 4 files, 4 imported:",
            zip
                + "FollowerActivity.csv: analytics (TikTok Studio FollowerActivity.csv): 96 hours of follower activity (96 new)",
            zip + "FollowerGender.csv: analytics (TikTok Studio FollowerGender.csv): 2 gender shares (2 new)",
            zip
                + "FollowerHistory.csv: analytics (TikTok Studio FollowerHistory.csv): 7 days of follower history (7 new)",
            zip
                + "FollowerTopTerritories.csv: analytics (TikTok Studio FollowerTopTerritories.csv): 2 territory shares (2 new)",
        ]
        #expect(outcome.summary.split(separator: "\n").map(String.init) == expected)
        let viewers = try await processor.process(
            file: folder.appendingPathComponent("Viewers_atavernanerd.zip"), displayName: "Viewers_atavernanerd.zip")
        #expect(
            viewers.summary.contains(
                "Viewers_atavernanerd.zip/Viewers.xlsx: analytics (TikTok Studio Viewers.csv): 7 days of viewers (7 new)"
            ))
        let stored = try LearningFixtures.rows(
            processor.index, "SELECT total_viewers, new_viewers FROM account_days WHERE day = '2026-09-26'")
        #expect(stored.first?["total_viewers"] as Int? == 663 && stored.first?["new_viewers"] as Int? == 622)
        let hours = try LearningFixtures.rows(processor.index, "SELECT count(*) AS n FROM follower_activity")
        #expect(hours.first?["n"] as Int? == 96)
    }

    @Test func anOlderGenderFileDroppedAfterANewerOneDoesNotReplaceIt() async throws {
        let workspace = try TestSupport.makeWorkspace()
        let folder = workspace.inbox.appendingPathComponent("analytics")
        try writeExport(to: folder)
        let processor = try processor(workspace)
        // The Followers zip's shares are as of 2 October: the day after FollowerHistory.csv's last day.
        _ = try await processor.process(
            file: folder.appendingPathComponent("Followers_atavernanerd.zip"), displayName: "Followers_atavernanerd.zip"
        )
        let older = folder.appendingPathComponent("FollowerGender.csv")
        try Files.csv(["Gender", "Distribution"], [["Female", "0.3"], ["Male", "0.7"]]).write(to: older)
        let september = Date(timeIntervalSince1970: 1_788_220_800)  // 1 September 2026, its download
        try FileManager.default.setAttributes([.modificationDate: september], ofItemAtPath: older.path)
        let kept = try await processor.process(file: older, displayName: "FollowerGender.csv")
        #expect(kept.summary.hasSuffix("2 gender shares (2 older than the numbers kept)"), "\(kept.summary)")
        var shares = try LearningFixtures.rows(
            processor.index, "SELECT label, share, as_of FROM audience_shares WHERE dimension = 'gender' ORDER BY label"
        )
        #expect(
            shares.map { $0["share"] as Double } == [0.6, 0.4]
                && shares.allSatisfy { $0["as_of"] as String == "2026-10-02" })
        // A file downloaded later replaces them.
        let november = Date(timeIntervalSince1970: 1_793_491_200)  // 1 November 2026
        try FileManager.default.setAttributes([.modificationDate: november], ofItemAtPath: older.path)
        _ = try await processor.process(file: older, displayName: "FollowerGender.csv")
        shares = try LearningFixtures.rows(
            processor.index, "SELECT share, as_of FROM audience_shares WHERE dimension = 'gender' ORDER BY label")
        #expect(
            shares.map { $0["share"] as Double } == [0.3, 0.7]
                && shares.allSatisfy { $0["as_of"] as String == "2026-11-01" })
    }

    @Test func aSmallAccountsHeaderOnlyFilesAreSaidToBeEmpty() async throws {
        // A real Followers zip of a 4-follower account: three of its four files hold only the header.
        let workspace = try TestSupport.makeWorkspace()
        let zip = workspace.inbox.appendingPathComponent("analytics/Followers_small.zip")
        try FileManager.default.createDirectory(at: zip.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Files.zip([
            ("FollowerActivity.csv", Files.csv(["Date", "Hour", "Active followers"], [])),
            ("FollowerGender.csv", Files.csv(["Gender", "Distribution"], [])),
            ("FollowerHistory.csv", Files.followerHistory),
            ("FollowerTopTerritories.csv", Files.csv(["Top territories", "Distribution"], [])),
        ]).write(to: zip)
        let outcome = try await processor(workspace).process(file: zip, displayName: "Followers_small.zip")
        let lines = outcome.summary.split(separator: "\n")
        #expect(lines.count == 5 && outcome.problems.isEmpty)
        #expect(
            lines[1].hasSuffix(
                "FollowerActivity.csv): no rows: TikTok Studio leaves this file empty until the account has more followers (about 100)"
            ))
        #expect(lines[3].hasSuffix("7 days of follower history (7 new)"))
    }

    @Test func aNetNegativeDayIsStoredSigned() async throws {
        let workspace = try TestSupport.makeWorkspace()
        let folder = workspace.inbox.appendingPathComponent("analytics")
        try writeExport(to: folder)
        let processor = try processor(workspace)
        let outcome = try await processor.process(
            file: folder.appendingPathComponent("Overview_2026-09-25_1790891174_atavernanerd.zip"),
            displayName: "Overview_2026-09-25_1790891174_atavernanerd.zip")
        #expect(outcome.problems.isEmpty)
        let row = try LearningFixtures.rows(
            processor.index, "SELECT comments, video_views FROM account_days WHERE day = '2026-09-26'")
        #expect(row.first?["comments"] as Int? == -1 && row.first?["video_views"] as Int? == 201)
    }

    @Test func processAndCheckTakeZipsInAnExportFolder() throws {
        let workspace = try TestSupport.makeWorkspace()
        let target = workspace.inbox.appendingPathComponent("analytics/TikTok export")
        try writeExport(to: target)
        let root = workspace.inbox.deletingLastPathComponent().path
        for zip in try FileManager.default.contentsOfDirectory(atPath: target.path).sorted() {
            let check = try TestSupport.run(
                TestSupport.executable.path, ["check", "--root", root, target.appendingPathComponent(zip).path])
            #expect(
                check.status == 0 && check.stdout.hasSuffix(": ok (analytics)\n"),
                "\(zip): \(check.stdout)\(check.stderr)")
        }
        let result = try TestSupport.run(TestSupport.executable.path, ["process", "--root", root, target.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("cannot tell what this file is"))
        #expect(
            result.stdout.contains(
                "Overview_2026-09-25_1790891174_atavernanerd.zip/Overview.csv: analytics (TikTok Studio Overview.csv): 7 days of account totals (7 new)"
            ))
        #expect(result.stdout.contains("Viewers_atavernanerd.zip/Viewers.xlsx: analytics (TikTok Studio Viewers.csv)"))
        #expect(result.stdout.contains("zip of 4 files, 4 imported:"))

        // A zip whose CSV has a bad row: check shows the zip, the file inside and the row.
        let bad = target.appendingPathComponent("Overview_bad.zip")
        try Files.zip([
            (
                "Overview.csv",
                Files.csv(
                    Files.overviewHeader,
                    [["September 26", "lots", "1", "9", "0", "0"], ["September 27", "1", "0", "0", "0", "0"]])
            )
        ])
        .write(to: bad)
        let check = try TestSupport.run(TestSupport.executable.path, ["check", "--root", root, bad.path])
        #expect(
            check.status == 1 && check.stderr.contains("Overview_bad.zip/Overview.csv:2:16: row 1: `Video Views`"),
            "\(check.stderr)")
        // For an editor, the position is the entry's line and column (the zip's bytes are no text).
        let json = try TestSupport.run(TestSupport.executable.path, ["check", "--json", "--root", root, bad.path])
        let reports = try JSONDecoder().decode([JSONValue].self, from: Data(json.stdout.utf8))
        let diagnostic = try #require(
            reports.first?["diagnostics"].flatMap { if case .array(let list) = $0 { list.first } else { nil } })
        #expect(diagnostic["range"]?["start"] == ["line": 1, "character": 15], "\(json.stdout)")
    }
}
