import Foundation
import Logging
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// What a killed run left behind (DESIGN §3: kill -9 at any moment, no input lost, none run twice
/// to completion). A file in the processing area whose outcome was journalled is put in its place;
/// any other goes back on the road to admission, which finds its journal entry and runs it again
/// (finished stages are re-used). Claims interrupted on their way to another filesystem get their
/// names back in the inbox. Runs once at start, before the intake's first claim.
struct InboxRecovery: Sendable {
    package let inbox: URL
    package let index: LearningIndex
    let placement: InboxPlacement
    private let road: AsyncStream<ClaimedFile>.Continuation
    private let logger = Logger(label: "reelsmith.watch")

    package init(
        inbox: URL, index: LearningIndex, placement: InboxPlacement, road: AsyncStream<ClaimedFile>.Continuation
    ) {
        self.inbox = inbox
        self.index = index
        self.placement = placement
        self.road = road
    }

    package func run() async throws {
        let processingArea = placement.archive.processing
        let names = (try? FileManager.default.contentsOfDirectory(atPath: processingArea.path)) ?? []
        for name in names.sorted() where !name.hasPrefix(".") {
            let claim = ClaimedFile.recovered(processingArea.appendingPathComponent(name))
            do {
                if let entry = try index.journalEntry(processingPath: claim.processing.path),
                    try await placement.placeFinished(claim, entry: entry)
                {
                    continue
                }
                // A request whose video was published just before the kill is recognised by the
                // pipeline and not made again.
                logger.info("resuming", metadata: ["file": "\(claim.displayName)"])
                road.yield(claim)
            } catch {
                // One bad leftover must not keep the daemon from starting.
                logger.error("cannot resume", metadata: ["file": "\(claim.displayName)", "error": "\(error)"])
                _ = try? placement.archive.fail(
                    claim, explanation: "\(claim.displayName): could not be resumed after a restart — \(error)")
            }
        }
        ClaimedFile.releaseAbandonedClaims(in: inbox)
    }
}
