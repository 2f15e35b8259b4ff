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

/// TikTok Studio's whole export folder through the processor and `reelsmith process` (issue 11):
/// one line per file saying what it gave, every file used, the insights filled.
@Suite struct ExportFolderTests {
    static let exportDay = CalendarDay(year: 2026, month: 3, day: 25)!
    static let folder = TestSupport.fixture("analytics/tiktok-export-2026-03-25")

    private func processor(_ workspace: Workspace) throws -> InboxProcessor {
        InboxProcessor(
            generation: GenerationPipeline(workspace: workspace, index: try LearningIndex(url: workspace.indexFile)),
            ingestDay: Self.exportDay)
    }

    private func processFolder(_ processor: InboxProcessor, _ folder: URL = folder) async throws -> [String] {
        var lines: [String] = []
        for name in try #require(InputFolder.files(in: folder)) {
            let outcome = try await processor.process(
                file: folder.appendingPathComponent(name), displayName: name, folder: "analytics")
            #expect(outcome.kind == .analytics && outcome.problems.isEmpty, "\(name)")
            lines.append("\(name): \(outcome.summary)")
        }
        return lines
    }

    @Test func aWholeExportFolderGivesOneLinePerFileAndFillsTheInsights() async throws {
        let workspace = try TestSupport.makeWorkspace()
        let processor = try processor(workspace)
        let lines = try await processFolder(processor)
        #expect(
            lines == [
                "Content.csv: analytics (TikTok Studio Content.csv): 3 rows recorded (3 new snapshots); 3 external videos (0 already known, 3 new)",
                "FollowerActivity.csv: analytics (TikTok Studio FollowerActivity.csv): 47 hours of follower activity (47 new); "
                    + "1 cell without a value (`undefined` or empty) skipped",
                "FollowerGender.csv: analytics (TikTok Studio FollowerGender.csv): 3 gender shares (3 new)",
                "FollowerHistory.csv: analytics (TikTok Studio FollowerHistory.csv): 7 days of follower history (7 new)",
                "FollowerTopTerritories.csv: analytics (TikTok Studio FollowerTopTerritories.csv): 5 territory shares (5 new)",
                "Overview.csv: analytics (TikTok Studio Overview.csv): 7 days of account totals (7 new); "
                    + "2 cells without a value (`undefined` or empty) skipped",
                "Viewers.csv: analytics (TikTok Studio Viewers.csv): 7 days of viewers (7 new)",
            ])
        // The years come from the ids: 20 March 2026, 11 February 2025 (not 2026), 31 December 2025.
        let posted = try LearningFixtures.rows(processor.index, "SELECT posted_on FROM learning_data ORDER BY rowid")
        #expect(posted.map { $0["posted_on"] as String } == ["2026-03-20", "2025-02-11", "2025-12-31"])

        let reports = workspace.outbox.appendingPathComponent("reports")
        let insights = try JSONFiles.read(Insights.self, from: reports.appendingPathComponent("insights.json"))
        #expect(insights.asOf == Self.exportDay && insights.videoCount == 3 && insights.highPerformerCount == 2)
        #expect(insights.window.en == "30 days up to 25 March 2026: 3 videos")
        #expect(insights.window.fr == "30 jours jusqu'au 25 mars 2026 : 3 vidéos")
        #expect(insights.audience.bestPostingHours?.startHour == 19 && insights.audience.followerGrowth?.change == 95)
        #expect(insights.audience.genderShares.count == 3 && insights.audience.territoryShares.count == 5)
        let json =
            try JSONSerialization.jsonObject(with: Data(contentsOf: reports.appendingPathComponent("insights.json")))
            as? [String: Any]
        let audience = try #require(json?["audience"] as? [String: Any])
        #expect(
            Set(audience.keys) == [
                "best_posting_hours", "follower_growth", "gender_shares", "territory_shares", "daily",
            ])
        #expect((audience["best_posting_hours"] as? [String: Any])?["time_zone"] as? String == "UTC")
        // niches.json keeps its shape: the audience lives in insights.json only.
        let niches =
            try JSONSerialization.jsonObject(with: Data(contentsOf: reports.appendingPathComponent("niches.json")))
            as? [String: Any]
        #expect(niches?["audience"] == nil && niches?["niches"] != nil)
    }

    @Test func theSameFolderAgainChangesNothingAndSaysSo() async throws {
        let workspace = try TestSupport.makeWorkspace()
        let processor = try processor(workspace)
        _ = try await processFolder(processor)
        let again = try await processFolder(processor)
        #expect(
            again[0].hasSuffix("3 rows recorded (3 already there); 3 external videos (3 already known, 0 new)"),
            "\(again[0])")
        #expect(!again[0].contains("0 linked by TikTok id"))
        #expect(again[6].hasSuffix("7 days of viewers (7 already there)"))
        #expect(try LearningFixtures.int(processor.index, "SELECT count(*) FROM analytics") == 3)
        #expect(try LearningFixtures.int(processor.index, "SELECT count(*) FROM follower_activity") == 47)
    }

    @Test func anOlderExportOfTheSameDayKeepsTheNewerNumbersAndANewerOneUpdates() async throws {
        let workspace = try TestSupport.makeWorkspace()
        let processor = try processor(workspace)
        func content(views: Int) throws -> URL {
            let text =
                "\u{FEFF}\"Time\",\"Video title\",\"Video link\",\"Post time\",\"Total likes\",\"Total comments\",\"Total shares\",\"Total views\"\n"
                + "\"2026-03-25\",\"Morning routine #motivation\",\"https://www.tiktok.com/@a/video/7619267688575745025\",\"March 20\","
                + "\"1320\",\"64\",\"85\",\"\(views)\"\n"
            return try TestSupport.write(
                text, to: workspace.inbox.appendingPathComponent("analytics"), name: "Content-\(views).csv")
        }
        _ = try await processor.process(file: try content(views: 15400), displayName: "Content.csv")
        let older = try await processor.process(file: try content(views: 15000), displayName: "Content.csv")
        #expect(
            older.summary.contains(
                "0 rows recorded (0 new snapshots); 1 row older than the numbers already recorded for that day, which were kept"
            ))
        #expect(try LearningFixtures.int(processor.index, "SELECT views FROM analytics") == 15400)
        let newer = try await processor.process(file: try content(views: 16100), displayName: "Content.csv")
        #expect(newer.summary.contains("1 row recorded (1 updated)"))
        #expect(try LearningFixtures.int(processor.index, "SELECT views FROM learning_data") == 16100)
    }

    @Test func countsAreWordedInTheRightNumber() async throws {
        let workspace = try TestSupport.makeWorkspace()
        let processor = try processor(workspace)
        try processor.index.record(video: LearningFixtures.video("aaaaaaaaaaa1"))
        let one = try TestSupport.write(
            "video_id,views,likes,shares,comments\naaaaaaaaaaa1,100,1,1,1\nnot-a-video,5,1,1,1\n",
            to: workspace.inbox.appendingPathComponent("analytics"), name: "one.csv")
        let outcome = try await processor.process(file: one, displayName: "one.csv")
        #expect(outcome.summary == "analytics (CSV): 1 row recorded (1 new snapshot); 1 row problem listed")
        let short = try TestSupport.write(
            "video_id,views,likes,shares,comments\naaaaaaaaaaa1,200,1,1,1\nnot-a-video\n",
            to: workspace.inbox.appendingPathComponent("analytics"), name: "short.csv")
        let shortOutcome = try await processor.process(file: short, displayName: "short.csv")
        #expect(shortOutcome.summary == "analytics (CSV): 1 row recorded (1 updated); 1 row problem listed")
        #expect(shortOutcome.problems.first?.contains("the row has 1 field but the header has 5") == true)
        let trends = try TestSupport.write(
            "kind: trends\ntrends:\n  - title: One trend\n    views: 100\n    engagement: 10\n    niche: fitness\n",
            to: workspace.inbox.appendingPathComponent("trends"), name: "one.yaml")
        let trendsOutcome = try await processor.process(file: trends, displayName: "one.yaml")
        #expect(trendsOutcome.summary.hasPrefix("1 trend stored (1 new, 0 updated); 1 niche ranked"))
    }

    @Test func theCommandLineTakesTheFolderAndPrintsOneLinePerFile() throws {
        let workspace = try TestSupport.makeWorkspace()
        let target = workspace.inbox.appendingPathComponent("analytics/TikTok export")
        try FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.folder, to: target)
        // A Syncthing temp file in the folder is no input.
        try Data("partial".utf8).write(to: target.appendingPathComponent(".syncthing.Overview.csv.tmp"))
        let root = workspace.inbox.deletingLastPathComponent().path
        let result = try TestSupport.run(
            TestSupport.executable.path, ["process", "--root", root, target.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 7)
        #expect(lines.allSatisfy { $0.hasPrefix(target.path + "/") && $0.contains("analytics (TikTok Studio ") })
        #expect(lines[1].contains("FollowerActivity.csv: analytics (TikTok Studio FollowerActivity.csv): 47 hours"))
        let insights = try TestSupport.run(TestSupport.executable.path, ["insights", "--root", root])
        #expect(insights.stdout.contains("best hours to post: 19:00–21:00 UTC"))
        #expect(insights.stdout.contains("gender: Female 56%, Male 41%, Other 3%"))
        // Viewers.csv by hand: new 600+700+2100+1300+900+1000+1300, returning 300+…+700 = 3800 of 11,700.
        #expect(
            insights.stdout.contains("viewers: 7900 new, 3800 returning (32%) — 7 days, 2026-03-18 to 2026-03-24"),
            "\(insights.stdout)")
    }
}
