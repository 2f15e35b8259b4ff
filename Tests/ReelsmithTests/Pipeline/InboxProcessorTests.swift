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

/// Trends and analytics files through the same entry point as `reelsmith process` and the daemon.
@Suite struct InboxProcessorTests {
    private func processor(_ workspace: Workspace) throws -> InboxProcessor {
        InboxProcessor(
            generation: GenerationPipeline(workspace: workspace, index: try LearningIndex(url: workspace.indexFile)))
    }

    private func example(_ path: String) -> URL { TestSupport.packageRoot.appendingPathComponent("inbox/\(path)") }

    @Test func bundledTrendsAndAnalyticsExamplesProcessAndPublishTheReports() async throws {
        let workspace = try TestSupport.makeWorkspace()
        let processor = try processor(workspace)
        let trends = try await processor.process(
            file: example("trends/example-trends.yaml"), displayName: "example-trends.yaml")
        #expect(trends.kind == .trends)
        #expect(trends.summary.hasPrefix("3 trends stored (3 new, 0 updated); 3 niches ranked"))
        let reports = workspace.outbox.appendingPathComponent("reports")
        #expect(
            TestSupport.contents(of: reports) == ["dashboard.html", "insights.json", "niches.json"],
            "no temp file is left behind")
        let niches = try JSONFiles.read(NichesReport.self, from: reports.appendingPathComponent("niches.json"))
        // fitness: 180,000 views → 50, 23,400 engagement → 20, one trend → 5 = 75; motivation the same
        // (ties go by name); cooking: 95,000 → 47.5, 8,000 → 16, + 5 = 68.5.
        #expect(niches.niches.map(\.name) == ["fitness", "motivation", "cooking"])
        #expect(niches.niches.map(\.profitabilityScore) == [75, 75, 68.5])

        let again = try await processor.process(
            file: example("trends/example-trends.yaml"), displayName: "example-trends.yaml")
        #expect(again.summary.hasPrefix("3 trends stored (0 new, 3 updated)"))

        // Before example-en.yaml's video exists, its numbers have nowhere to go: nothing is used,
        // so the file fails with its row listed.
        do {
            _ = try await processor.process(
                file: example("analytics/example-analytics.csv"), displayName: "example-analytics.csv")
            Issue.record("a file with no usable row was accepted")
        } catch let error as InputError {
            #expect(error.problem == "its only row could not be used")
            #expect(
                error.fix.contains(
                    "example-analytics.csv:2:1: row 1: no video `3b9d943b9ed0` in the learning index — write the video's id: the code at "
                        + "the end of its folder name in outbox/videos/ (or its job id in report.json)"))
        }
        let tiktok = try await processor.process(
            file: example("analytics/example-tiktok-Content.csv"), displayName: "example-tiktok-Content.csv")
        #expect(
            tiktok.summary.contains("3 rows recorded")
                && tiktok.summary.contains("3 external videos (0 already known, 3 new)"))
        #expect(tiktok.problems.isEmpty)
        let insights = try JSONFiles.read(Insights.self, from: reports.appendingPathComponent("insights.json"))
        // The window ends on the newest analytics day in the index (the export's `Time`), not today.
        #expect(
            insights.asOf == CalendarDay(year: 2026, month: 11, day: 24)
                && insights.features.count == LearningFeature.allCases.count)
        #expect(insights.window.en == "30 days up to 24 November 2026: 3 videos")
        #expect(
            try LearningFixtures.int(processor.index, "SELECT count(*) FROM learning_data WHERE is_external = 1") == 3)
        let niche =
            try LearningFixtures.rows(
                processor.index, "SELECT niche FROM videos WHERE id = 'tiktok-7612738136304639966'"
            ).first?["niche"] as String?
        #expect(niche == "motivation", "inferred from #motivation")
    }

    @Test func theAnalyticsExampleNamesTheEnglishExampleVideo() throws {
        // example-analytics.csv reports numbers for the video example-en.yaml makes: its job id is
        // the hash of that file, so editing one means updating the other.
        let request = try Data(contentsOf: example("requests/example-en.yaml"))
        let csv = try String(contentsOf: example("analytics/example-analytics.csv"), encoding: .utf8)
        #expect(csv.contains(GenerationPipeline.jobId(forContent: request)))
    }

    @Test func aBrokenTrendsFileChangesNothing() async throws {
        let workspace = try TestSupport.makeWorkspace()
        let processor = try processor(workspace)
        let url = try TestSupport.write(
            try String(contentsOf: TestSupport.fixture("trends/unknown-key.yaml"), encoding: .utf8),
            to: workspace.inbox.appendingPathComponent("trends"), name: "bad.yaml")
        await #expect(throws: InputError.self) {
            _ = try await processor.process(file: url, displayName: "inbox/trends/bad.yaml")
        }
        #expect(try LearningFixtures.int(processor.index, "SELECT count(*) FROM trends") == 0)
        #expect(TestSupport.contents(of: workspace.outbox.appendingPathComponent("reports")).isEmpty)
    }

    /// The issue's acceptance test: after analytics in which short videos clearly win, the next
    /// script — written by the real pipeline's script stage — targets a shorter duration, and
    /// virality.json (whose targets go into report.json) says which insight changed it.
    @Test func afterShortVideosWinTheNextScriptIsShorter() async throws {
        let workspace = try TestSupport.makeWorkspace()
        let processor = try processor(workspace)
        let today = CalendarDay.today()
        var csv = "video_id,views,likes,shares,comments\n"
        for sample in InsightsTests.shortVideosWin where sample.daysAgo < 30 {
            try processor.index.record(
                video: LearningFixtures.video(
                    sample.id, durationSeconds: sample.durationSeconds, hookLength: sample.hookLength))
            csv += "\(sample.id),\(sample.views),\(sample.views / 20),10,10\n"
        }
        let analytics = try TestSupport.write(
            csv, to: workspace.inbox.appendingPathComponent("analytics"), name: "numbers.csv")
        let imported = try await processor.process(file: analytics)
        #expect(imported.problems.isEmpty && imported.summary.contains("16 rows recorded"))
        #expect(try processor.index.insights(asOf: today).feature(.durationSeconds)?.isSteering == true)

        let requestText = "niche: fitness\ntopic: squats\nlanguage: en\nduration: 45\nimages: 1\n"
        let request = try TestSupport.write(
            requestText, to: workspace.inbox.appendingPathComponent("requests"), name: "next.yaml")
        // Run the real pipeline and stop it once the script stage is done: no render needed.
        await #expect(throws: CancellationError.self) {
            _ = try await processor.generation.run(requestFile: request) { stage, _ in
                if stage == .images { withUnsafeCurrentTask { $0?.cancel() } }
            }
        }
        let staging = workspace.staging.appendingPathComponent(
            GenerationPipeline.jobId(forContent: Data(requestText.utf8)))
        let choice = try JSONFiles.read(ScriptChoice.self, from: staging.appendingPathComponent("virality.json"))
        let script = try JSONFiles.read(Script.self, from: staging.appendingPathComponent("script.json"))
        #expect(choice.targets.durationSeconds == 20)
        #expect(
            choice.targets.adjustments.first?.hasPrefix("duration 45 s → 20 s: insight `optimal_duration_seconds`")
                == true)

        let baseline = OfflineScriptEngine(library: try TemplateLibrary.load(from: workspace.templates)).write(
            request: try GenerationRequest.decode(data: Data(requestText.utf8), displayName: "next.yaml"),
            targets: ScriptTargets(durationSeconds: 45), trends: [], variant: 1)
        #expect(script.durationSeconds <= 25, "spoken length follows the 20 s target")
        #expect(
            script.durationSeconds < baseline.durationSeconds - 15, "shorter than the same request without insights")
    }
}
