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

/// Recovery alone, on what a killed run leaves: files in the processing area with their journal
/// rows, and a claim interrupted on its way to another filesystem.
@Suite struct InboxRecoveryTests {
    @Test func aFileLeftRunningGoesBackOnTheRoadWithItsEntryAndAFinishedOneGoesToItsPlace() async throws {
        let fixture = try InboxServiceFixture()
        let left = try fixture.claim(InboxServiceFixture.trends("left"), as: "trends/left.yaml")
        let leftEntry = try fixture.journal(left, state: .running)
        let done = try fixture.claim(InboxServiceFixture.trends("done"), as: "trends/done.yaml")
        let doneEntry = try fixture.journal(done, state: .done)
        try fixture.write(
            InboxServiceFixture.trends("back"), to: "trends/\(ClaimedFile.abandonedPrefix)0123abcd-back.yaml")

        let recovery = InboxRecovery(
            inbox: fixture.inbox, index: fixture.index, placement: fixture.placement, road: fixture.road.continuation)
        try await recovery.run()
        fixture.road.continuation.finish()
        var resumed: [ClaimedFile] = []
        for await claim in fixture.road.stream { resumed.append(claim) }

        #expect(resumed.map(\.source) == ["trends/left.yaml"])
        #expect(resumed.first?.processing.path == left.processing.path)
        let entry = try fixture.index.journalEntry(processingPath: left.processing.path)
        #expect(entry?.id == leftEntry.id && entry?.state == .running, "admission finds its entry")
        let archived = fixture.outbox.appendingPathComponent("archive/trends/done.yaml")
        #expect(FileManager.default.fileExists(atPath: archived.path))
        #expect(try fixture.index.journalEntries().first { $0.id == doneEntry.id }?.finalPath == archived.path)
        #expect(TestSupport.contents(of: fixture.processingArea) == [left.processing.lastPathComponent])
        #expect(TestSupport.contents(of: fixture.inbox.appendingPathComponent("trends")) == ["back.yaml"])
    }
}
