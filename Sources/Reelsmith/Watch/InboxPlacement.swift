import Foundation
import Logging
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// Records how an input ended in the journal and moves it to its one place (DESIGN §3): the
/// archive when processed, `failed/` with a `.error.txt` when not. An actor so that the journal
/// row and the move happen together, and two inputs with the same name never pick the same free name.
actor InboxPlacement {
    enum Destination: Sendable {
        /// `problems` are listed beside the archived file; `note` (a duplicate's explanation) too.
        case archive(problems: [String], note: String? = nil)
        case failed(explanation: String)
    }

    package let index: LearningIndex
    package let archive: InboxArchive
    private let logger = Logger(label: "reelsmith.watch")

    package init(index: LearningIndex, archive: InboxArchive) {
        self.index = index
        self.archive = archive
    }

    func recordDone(_ claim: ClaimedFile, entryId: Int64, outcome: ProcessOutcome) throws {
        try index.updateJournal(id: entryId) {
            $0.state = .done
            $0.message = outcome.summary
            $0.output = outcome.output?.path
            $0.finishedAt = Date()
        }
        try place(claim, entryId: entryId, in: .archive(problems: outcome.problems))
        logger.info("done", metadata: ["file": "\(claim.displayName)", "outcome": "\(outcome.summary)"])
    }

    /// An input error is shown as it is; any other failure is prefixed with the file's name.
    func recordFailure(_ claim: ClaimedFile, entryId: Int64, failure: any Error) throws {
        let explanation =
            failure is InputError
            ? "\(failure)"
            : "\(claim.displayName): processing failed — \(failure)"
        try record(claim, entryId: entryId, as: .failed, message: explanation, in: .failed(explanation: explanation))
        logger.warning("failed", metadata: ["file": "\(claim.displayName)", "error": "\(explanation)"])
    }

    /// Journals a failed or duplicate outcome with its message and places the file.
    package func record(
        _ claim: ClaimedFile, entryId: Int64, as state: JournalEntry.State, message: String, in destination: Destination
    ) throws {
        try index.updateJournal(id: entryId) {
            $0.state = state
            $0.message = message
            $0.finishedAt = Date()
        }
        try place(claim, entryId: entryId, in: destination)
    }

    /// Places a file whose outcome was journalled but which was not moved yet (a kill in between,
    /// a full disk, a tampered outbox folder). Returns false when the entry has no outcome yet.
    func placeFinished(_ claim: ClaimedFile, entry: JournalEntry) throws -> Bool {
        guard let entryId = entry.id else { return false }
        switch entry.state {
        case .done:
            try place(claim, entryId: entryId, in: .archive(problems: []))
        case .duplicate where !InboxAdmission.isYAML(claim.source):
            try place(claim, entryId: entryId, in: .archive(problems: [], note: entry.message))
        case .failed, .duplicate:
            try place(claim, entryId: entryId, in: .failed(explanation: entry.message ?? "\(claim.displayName) failed"))
        case .claimed, .running:
            return false
        }
        return true
    }

    /// When the outbox folder is a link (tampered) or the disk is full, nothing is written: the
    /// file stays in the processing area, the journal says why, and it is placed at a later rescan or start.
    private func place(_ claim: ClaimedFile, entryId: Int64, in destination: Destination) throws {
        do {
            let placed: URL
            switch destination {
            case .archive(let problems, let note): placed = try archive.archive(claim, problems: problems, note: note)
            case .failed(let explanation): placed = try archive.fail(claim, explanation: explanation)
            }
            try index.updateJournal(id: entryId) { $0.finalPath = placed.path }
        } catch let error as UnsafeFolderError {
            logger.error(
                "cannot place the file; it stays in the processing area",
                metadata: ["file": "\(claim.displayName)", "error": "\(error)"])
            try index.updateJournal(id: entryId) {
                let note = "Not moved out of the processing area: \(error)"
                if !($0.message ?? "").contains(note) { $0.message = ($0.message.map { $0 + "\n\n" } ?? "") + note }
            }
        }
    }
}
