import Foundation
import Logging
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia
import Yams

/// Decides what a claimed file becomes (DESIGN §3, exactly once): it is read and hashed, journalled
/// by content hash, reported as a duplicate when the same bytes were already processed or are
/// running (unless it says `force: true`), and otherwise sent to the render lane (requests) or the
/// light lane (trends, analytics). A file that cannot be read or recognised fails with its reason.
struct InboxAdmission: Sendable {
    package let index: LearningIndex
    let lanes: InboxLanes
    let placement: InboxPlacement
    /// Claimed files, from the intake, from recovery and from jobs parked for disk space.
    let road: AsyncStream<ClaimedFile>
    private let logger = Logger(label: "reelsmith.watch")

    package init(index: LearningIndex, lanes: InboxLanes, placement: InboxPlacement, road: AsyncStream<ClaimedFile>) {
        self.index = index
        self.lanes = lanes
        self.placement = placement
        self.road = road
    }

    /// Admits the files on the road, one at a time, until cancelled.
    package func run() async throws {
        for await claim in road {
            do { try await admit(claim) } catch {
                // The file stays claimed in the processing area; the next start resumes it.
                logger.error("cannot admit", metadata: ["file": "\(claim.displayName)", "error": "\(error)"])
            }
        }
    }

    /// Journals a claimed file (or finds the entry of an earlier run) and sends it to its lane;
    /// a duplicate goes straight to its place.
    func admit(_ claim: ClaimedFile) async throws {
        let existing = try index.journalEntry(processingPath: claim.processing.path)
        let data: Data
        do {
            if claim.hasInvalidName { throw Self.invalidName(claim) }
            data = try InputFile.read(claim.processing, displayName: claim.displayName)
            // Checked before the duplicate check: two empty files are two empty files.
            if InputFile.isBlank(data) {
                throw InputError(
                    .emptyFile, file: claim.displayName, problem: "the file is empty",
                    fix: "write the file's content before dropping it (see the examples in inbox/)")
            }
        } catch {
            try await reject(claim, existing: existing, explanation: "\(error)")
            return
        }
        let hash = SHA256.hex(data)
        let forced = Self.asksForce(data, fileExtension: claim.processing.pathExtension)
        var entry =
            existing
            ?? JournalEntry(
                id: nil, contentHash: hash, kind: nil, source: claim.source, processingPath: claim.processing.path,
                state: .claimed, forced: forced, message: nil, output: nil, finalPath: nil,
                settledAt: claim.settledAt?.timeIntervalSince1970, startedAt: nil, claimedAt: Date(), finishedAt: nil)
        if entry.id == nil { entry = try index.insert(journal: entry) }
        guard let entryId = entry.id else { return }
        var logger = logger
        logger[metadataKey: "file"] = "\(claim.displayName)"

        let earlier = try index.finishedEntry(contentHash: hash)
        if !forced, lanes.isInFlight(hash) || earlier != nil {
            let message = Self.duplicateMessage(claim, earlier: earlier)
            // `force: true` only exists in YAML. A CSV's rows are snapshots already counted: there
            // is nothing to do, and the file is archived, not failed (an export folder dropped
            // again often repeats an unchanged file, issue 11).
            try await placement.record(
                claim, entryId: entryId, as: .duplicate, message: message,
                in: Self.isYAML(claim.source) ? .failed(explanation: message) : .archive(problems: [], note: message))
            logger.info("duplicate, not run")
            return
        }
        let kind: InputKind
        do {
            kind = try InputKind.detect(
                file: claim.processing, data: data, displayName: claim.displayName, folder: claim.folder)
        } catch {
            try await placement.recordFailure(claim, entryId: entryId, failure: error)
            return
        }
        try index.updateJournal(id: entryId) { $0.kind = kind.rawValue }
        logger.info("claimed", metadata: ["kind": "\(kind.rawValue)"])
        lanes.send(
            InboxLanes.Job(claim: claim, entryId: entryId, contentHash: hash), to: kind == .request ? .render : .light)
    }

    /// What the user reads about a duplicate: where the same content went, and what to do.
    static func duplicateMessage(_ claim: ClaimedFile, earlier: JournalEntry?) -> String {
        "\(claim.displayName): the same content was already processed"
            + (earlier.map { " (as inbox/\($0.source)" + ($0.output.map { ", result: \($0)" } ?? "") + ")" }
                ?? " (it is running now)")
            + (isYAML(claim.source)
                ? " — nothing was run. To run it again on purpose, add the line `force: true` to the file."
                : " — its rows are already counted, and nothing needs doing. A newer export, with other numbers, is imported as usual.")
    }

    package static func isYAML(_ path: String) -> Bool {
        ["yaml", "yml"].contains((path as NSString).pathExtension.lowercased())
    }

    static func invalidName(_ claim: ClaimedFile) -> InputError {
        InputError(
            .unreadable, file: claim.displayName,
            problem: "the file's name is not UTF-8 text (the bytes shown as \\x..), so it was not opened",
            fix: "rename it with ordinary letters and digits and drop it again")
    }

    /// Whether a YAML file says `force: true` at its top level (CSV files cannot).
    static func asksForce(_ data: Data, fileExtension: String) -> Bool {
        guard ["yaml", "yml"].contains(fileExtension.lowercased()),
            let document = try? YAMLDocument.parse(data: data, displayName: ""), let value = document.root["force"]
        else { return false }
        return value.bool ?? false
    }

    /// Puts a file that cannot even be read in the failed area, journalled, with the reason.
    private func reject(_ claim: ClaimedFile, existing: JournalEntry?, explanation: String) async throws {
        var entry =
            existing
            ?? JournalEntry(
                id: nil, contentHash: "unreadable", kind: nil, source: claim.source,
                processingPath: claim.processing.path,
                state: .failed, forced: false, message: nil, output: nil, finalPath: nil,
                settledAt: claim.settledAt?.timeIntervalSince1970, startedAt: nil, claimedAt: Date(), finishedAt: nil)
        if entry.id == nil { entry = try index.insert(journal: entry) }
        guard let entryId = entry.id else { return }
        try await placement.record(
            claim, entryId: entryId, as: .failed, message: explanation, in: .failed(explanation: explanation))
        logger.warning("failed", metadata: ["file": "\(claim.displayName)", "error": "\(explanation)"])
    }
}
