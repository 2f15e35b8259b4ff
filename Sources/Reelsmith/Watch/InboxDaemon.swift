import Foundation
import Logging
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// `reelsmith watch`: runs the right pipeline for every file that lands in `inbox/`, however it
/// lands (DESIGN §3). It checks the folders, lets ``InboxRecovery`` resume what a killed run left,
/// then runs its services together: ``InboxIntake`` sees, settles and claims files,
/// ``InboxAdmission`` journals them and picks a lane, ``InboxRunner`` runs and places them.
package struct InboxDaemon: Sendable {
    package let processor: InboxProcessor
    package let settings: WatchSettings
    private let logger = Logger(label: "reelsmith.watch")

    package var workspace: Workspace { processor.workspace }
    var processingArea: URL { workspace.state.appendingPathComponent("processing") }

    package init(processor: InboxProcessor, settings: WatchSettings = WatchSettings()) {
        self.processor = processor
        self.settings = settings
    }

    /// Runs until cancelled (SIGTERM/SIGINT cancel it): then stops taking files, stops the running
    /// stages at their checkpoint (the file stays claimed and resumes at the next start) and returns.
    package func run() async throws {
        try checkFolders()
        let index = processor.index
        let archive = InboxArchive(outbox: workspace.outbox, processing: processingArea)
        let road = AsyncStream.makeStream(of: ClaimedFile.self)
        let lanes = InboxLanes()
        let placement = InboxPlacement(index: index, archive: archive)
        try await InboxRecovery(inbox: workspace.inbox, index: index, placement: placement, road: road.continuation)
            .run()
        // A run stopped in the middle of a burst may have left the reports behind the index.
        do { try processor.publishReports() } catch {
            logger.error("cannot write the reports", metadata: ["error": "\(error)"])
        }
        let runner = InboxRunner(
            processor: processor, lanes: lanes, placement: placement, settings: settings, road: road.continuation)
        let admission = InboxAdmission(index: index, lanes: lanes, placement: placement, road: road.stream)
        let intake = InboxIntake(
            inbox: workspace.inbox, archive: archive, settings: settings, road: road.continuation,
            memory: MemoryRelease(index: index, lanes: lanes))
        // Started downstream first. A stop cancels the three together: the intake claims nothing
        // more, and whatever is claimed and unfinished stays journalled for the next start.
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await runner.run() }
            group.addTask { try await admission.run() }
            group.addTask { try await intake.run() }
            do {
                try await group.waitForAll()
            } catch is CancellationError {
            }
        }
        logger.info("stopped")
    }

    /// Every folder is made (or found) real, never through a link (issue 12). The state folder
    /// must be sound to start; a tampered outbox folder is reported and the rest goes on.
    private func checkFolders() throws {
        _ = try ProjectFolder(processingArea, under: workspace.state.deletingLastPathComponent())
        _ = try ProjectFolder(workspace.inbox, under: workspace.inbox.deletingLastPathComponent())
        // A link in place of an inbox folder is taken as an input (and refused with a reason).
        for folder in InputKind.allCases.map({ workspace.inbox.appendingPathComponent($0.folder) }) + [workspace.videos]
        {
            let anchor =
                folder == workspace.videos
                ? workspace.outbox.deletingLastPathComponent() : workspace.inbox.deletingLastPathComponent()
            do { _ = try ProjectFolder(folder, under: anchor) } catch {
                logger.error("refusing a tampered folder", metadata: ["error": "\(error)"])
            }
        }
    }

    /// Inbox files are small text files; anything larger is refused before it is read.
    static let maximumInputBytes = InputFile.maximumBytes

    /// Whether a YAML file says `force: true` at its top level (see ``InboxAdmission``).
    static func asksForce(_ data: Data, fileExtension: String) -> Bool {
        InboxAdmission.asksForce(data, fileExtension: fileExtension)
    }
}
