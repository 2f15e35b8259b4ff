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

/// Admission alone, on real claimed files and a real SQLite journal.
@Suite struct InboxAdmissionTests {
    @Test(.timeLimit(.minutes(1)))
    func aFileIsJournalledAndSentToItsLaneAndTheSameBytesAgainAreADuplicate() async throws {
        let fixture = try InboxServiceFixture()
        let admission = InboxAdmission(
            index: fixture.index, lanes: fixture.lanes, placement: fixture.placement, road: fixture.road.stream)
        let text = InboxServiceFixture.trends("twice")
        let first = try fixture.claim(text, as: "trends/first.yaml")
        let again = try fixture.claim(text, as: "trends/again.yaml")
        let request = try fixture.claim(
            "niche: fitness\nlanguage: en\nduration: 15\nimages: 1\n", as: "requests/r.yaml")
        for claim in [first, again, request] { fixture.road.continuation.yield(claim) }
        fixture.road.continuation.finish()
        try await admission.run()

        var light = fixture.lanes.light.stream.makeAsyncIterator()
        var render = fixture.lanes.render.stream.makeAsyncIterator()
        let job = try #require(await light.next())
        #expect(job.claim == first)
        #expect(await render.next()?.claim.source == "requests/r.yaml")
        let journal = try fixture.index.journalEntries()
        #expect(journal.map(\.state) == [.claimed, .duplicate, .claimed])
        #expect(
            journal[0].id == job.entryId && journal[0].contentHash == SHA256.hex(Data(text.utf8))
                && journal[0].kind == "trends")
        #expect(journal[2].kind == "request")
        let running = try #require(journal[1].message)
        #expect(running.contains("already processed (it is running now)") && running.contains("force: true"))
        let failed = fixture.outbox.appendingPathComponent("failed")
        #expect(TestSupport.contents(of: failed) == ["again.yaml", "again.yaml.error.txt"])
        #expect(fixture.lanes.isInFlight(job.contentHash))

        // Once the first is done, a third copy names it.
        try fixture.index.updateJournal(id: job.entryId) { $0.state = .done }
        fixture.lanes.release(job.contentHash)
        try await admission.admit(try fixture.claim(text, as: "trends/third.yaml"))
        let third = try #require(try fixture.index.journalEntries().last)
        #expect(third.state == .duplicate && third.message?.contains("(as inbox/trends/first.yaml)") == true)
    }
}
