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

/// The intake alone, with real inotify on a temp inbox: what it claims, and when.
@Suite(.serialized) struct InboxIntakeTests {
    @Test(.timeLimit(.minutes(1)))
    func aFileRenamedInIsClaimedOnlyOnceSettledAndSyncthingTempFilesAreLeftAlone() async throws {
        let fixture = try InboxServiceFixture()
        var settings = WatchSettings()
        settings.settleSeconds = 0.5
        settings.rescanSeconds = 600
        let intake = InboxIntake(
            inbox: fixture.inbox, archive: fixture.archive, settings: settings, road: fixture.road.continuation,
            memory: MemoryRelease(index: fixture.index, lanes: fixture.lanes))
        // Present before the start: the first scan takes it, which also shows the watch is on.
        try fixture.write(InboxServiceFixture.trends("early"), to: "trends/early.yaml")
        let trends = fixture.inbox.appendingPathComponent("trends")
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await intake.run() }
            var claims = fixture.road.stream.makeAsyncIterator()
            #expect(await claims.next()?.source == "trends/early.yaml")

            // Syncthing: the content goes to a temp name, then is renamed to the real one.
            let text = InboxServiceFixture.trends("synced")
            try Data(text.utf8).write(to: trends.appendingPathComponent(".syncthing.late.yaml.tmp"))
            try Data("half".utf8).write(to: trends.appendingPathComponent(".syncthing.other.yaml.tmp"))
            let renamed = ContinuousClock.now
            try FileManager.default.moveItem(
                at: trends.appendingPathComponent(".syncthing.late.yaml.tmp"),
                to: trends.appendingPathComponent("late.yaml"))
            let late = try #require(await claims.next())
            let waited = ContinuousClock.now - renamed
            #expect(late.source == "trends/late.yaml" && late.settledAt != nil)
            #expect(waited >= .milliseconds(500), "claimed after \(waited), before the settle time")
            #expect(try String(contentsOf: late.processing, encoding: .utf8) == text)

            try await Task.sleep(for: .seconds(1))
            group.cancelAll()
        }
        #expect(TestSupport.contents(of: fixture.processingArea).count == 2, "the temp file was never claimed")
        #expect(TestSupport.contents(of: trends) == [".syncthing.other.yaml.tmp"])
    }
}
