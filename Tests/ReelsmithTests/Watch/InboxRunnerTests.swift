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

/// The runner alone: jobs put straight into its lanes, the real trends pipeline, real SQLite.
@Suite struct InboxRunnerTests {
    @Test(.timeLimit(.minutes(1)))
    func aFinishedFileIsArchivedAFailingOneFailsWithItsReasonAndTheReportsFollowTheBurst() async throws {
        let fixture = try InboxServiceFixture()
        let processor = InboxProcessor(
            generation: GenerationPipeline(workspace: fixture.workspace, index: fixture.index))
        let runner = InboxRunner(
            processor: processor, lanes: fixture.lanes, placement: fixture.placement, settings: WatchSettings(),
            road: fixture.road.continuation)
        let good = try fixture.claim(InboxServiceFixture.trends("runner"), as: "trends/good.yaml")
        let bad = try fixture.claim("kind: trends\ntrends:\n  - title: x\n    views: lots\n", as: "trends/bad.yaml")
        for claim in [good, bad] {
            let entry = try fixture.journal(claim, state: .claimed)
            fixture.lanes.send(
                InboxLanes.Job(claim: claim, entryId: try #require(entry.id), contentHash: entry.contentHash),
                to: .light)
        }
        let niches = fixture.outbox.appendingPathComponent("reports/niches.json")
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await runner.run() }
            try await fixture.waitUntil {
                try fixture.index.journalEntries().allSatisfy { $0.finalPath != nil }
                    && FileManager.default.fileExists(atPath: niches.path)
            }
            group.cancelAll()
        }
        let journal = try fixture.index.journalEntries()
        #expect(journal.map(\.state) == [.done, .failed])
        #expect(journal[0].startedAt != nil && journal[0].message?.contains("1 trend stored") == true)
        #expect(TestSupport.contents(of: fixture.outbox.appendingPathComponent("archive/trends")) == ["good.yaml"])
        let failed = fixture.outbox.appendingPathComponent("failed")
        #expect(TestSupport.contents(of: failed) == ["bad.yaml", "bad.yaml.error.txt"])
        let reason = try String(contentsOf: failed.appendingPathComponent("bad.yaml.error.txt"), encoding: .utf8)
        #expect(reason.contains("inbox/trends/bad.yaml:3:5:") && reason.contains("`niche` is missing"), "\(reason)")
        #expect(TestSupport.contents(of: fixture.processingArea).isEmpty)
        #expect(fixture.lanes.isIdle)
        let report = try JSONFiles.read(NichesReport.self, from: niches)
        #expect(report.niches.first { $0.name == "fitness" }?.trendCount == 1)
    }
}
