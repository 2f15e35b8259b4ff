import Foundation
import GRDB
import Synchronization
import Testing

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

/// When the page is written: after every job and every trends or analytics file, whole or not at all.
@Suite(.serialized) struct DashboardPublishingTests {
    @Test func aJobRewritesThePageWithTheNewVideoItsCriteriaAndItsTimes() async throws {
        let workspace = try TestSupport.makeWorkspace()
        let index = try LearningIndex(url: workspace.indexFile)
        var pipeline = GenerationPipeline(workspace: workspace, index: index)
        pipeline.reportLanguage = .en
        try pipeline.publishReports()
        let page = workspace.outbox.appendingPathComponent("reports/dashboard.html")
        let before = try String(contentsOf: page, encoding: .utf8)
        #expect(before.contains("id=\"first-run\""))

        let request = try TestSupport.write(
            DaemonProcess.cheapRequest, to: workspace.inbox.appendingPathComponent("requests"), name: "a.yaml")
        let published = try await pipeline.run(requestFile: request)
        let after = try String(contentsOf: page, encoding: .utf8)
        #expect(!after.contains("id=\"first-run\""))
        #expect(after.contains(HTML.escape(published.report.request.niche)))
        #expect(after.contains("<div class=\"card\" id=\"count-videos\"><b>1</b>"))
        #expect(after.contains("<div class=\"card\" id=\"success-rate\"><b>100%</b>"), "the job counts as published")
        #expect(
            after.contains(
                HTML.escape(
                    try JSONFiles.read(Script.self, from: published.folder.appendingPathComponent("script.json")).title)
            ))
        // The criteria and stage times the page shows are the report's.
        let criteria = try LearningFixtures.rows(
            index, "SELECT * FROM video_criteria WHERE video_id = ?", [published.jobId])
        #expect(criteria.count == 1)
        for name in VideoCriteria.names {
            #expect(criteria.first?[name] as Int? == published.report.score.points(for: name))
        }
        let timings = try LearningFixtures.rows(
            index, "SELECT stage, seconds FROM stage_timings WHERE job_id = ? ORDER BY stage", [published.jobId])
        #expect(Set(timings.map { $0["stage"] as String }) == Set(published.report.stageTimings.map(\.stage.rawValue)))
        #expect(after.contains("id=\"chart-stage-times\""))
        // The library links to the published folder.
        #expect(
            after.contains("href=\"../videos/\(LibraryRow.pathSegment(published.folder.lastPathComponent))/video.mp4\"")
        )
    }

    @Test func aReaderNeverSeesAHalfWrittenPage() async throws {
        let project = try DashboardFixtures.project()
        let page = project.page
        struct ReadCounts {
            var count = 0
            var torn: [Int] = []
            var stop = false
        }
        final class Reads: Sendable { let counts = Mutex(ReadCounts()) }
        let reads = Reads()
        let reader = Thread {
            while !reads.counts.withLock({ $0.stop }) {
                // Open, read and close as a browser or a syncing phone would.
                guard let data = FileManager.default.contents(atPath: page.path) else { continue }
                let text = String(decoding: data, as: UTF8.self)
                reads.counts.withLock {
                    $0.count += 1
                    if !(text.hasPrefix("<!DOCTYPE html>\n") && text.hasSuffix("</html>\n")) {
                        $0.torn.append(data.count)
                    }
                }
            }
        }
        reader.start()
        let reports = LearningReports(index: project.index, outbox: project.workspace.outbox)
        for _ in 0..<30 { try reports.publish(asOf: DashboardFixtures.today) }
        let (count, torn) = reads.counts.withLock { counts in
            counts.stop = true
            return (counts.count, counts.torn)
        }
        while reader.isExecuting { try await Task.sleep(for: .milliseconds(10)) }
        #expect(count > 30, "the reader kept up: \(count) reads")
        #expect(torn.isEmpty, "half-written reads of \(torn) bytes")
        // No temp file is left beside the reports.
        #expect(
            TestSupport.contents(of: page.deletingLastPathComponent()) == [
                "dashboard.html", "insights.json", "niches.json",
            ])
    }

    @Test func aTrendsFileRewritesThePage() async throws {
        let workspace = try TestSupport.makeWorkspace()
        let index = try LearningIndex(url: workspace.indexFile)
        let processor = InboxProcessor(generation: GenerationPipeline(workspace: workspace, index: index))
        let file = try TestSupport.write(
            "kind: trends\ntrends:\n  - title: \"<b>bold</b> move\"\n    views: 250000\n    engagement: 35000\n    niche: entrepreneuriat\n",
            to: workspace.inbox.appendingPathComponent("trends"), name: "t.yaml")
        _ = try await processor.process(file: file)
        let html = try String(
            contentsOf: workspace.outbox.appendingPathComponent("reports/dashboard.html"), encoding: .utf8)
        #expect(html.contains("data-niche=\"entrepreneuriat\""))
        #expect(html.contains("&lt;b&gt;bold&lt;/b&gt; move") && !html.contains("<b>bold</b>"))
    }
}
