import Foundation
import Logging
import Yams

/// `reelsmith watch`: runs the right pipeline for every file that lands in `inbox/`, however it
/// lands (DESIGN §3). inotify is a hint and the directory scan is the truth; files are taken once
/// settled, claimed by `rename()`, journalled by content hash, and end in exactly one place.
public actor InboxDaemon {
    let processor: InboxProcessor
    let settings: WatchSettings
    let logger = Logger(label: "reelsmith.watch")
    private var tracker: SettleTracker
    /// Content hashes being run now: the same bytes dropped twice at once run once.
    private var inFlight: Set<String> = []
    private let renderLane = AsyncStream.makeStream(of: Job.self)
    private let lightLane = AsyncStream.makeStream(of: Job.self)
    /// Trends and analytics files claimed and not yet finished. While a burst is running the
    /// reports are rewritten once at its end, not after every file.
    private var lightJobsPending = 0

    /// A claimed, journalled input waiting for a worker.
    struct Job: Sendable {
        var claim: ClaimedFile
        var entryId: Int64
        var contentHash: String
    }

    nonisolated var workspace: Workspace { processor.workspace }
    nonisolated var index: LearningIndex { processor.index }
    nonisolated var processingArea: URL { workspace.state.appendingPathComponent("processing") }
    nonisolated var archive: InboxArchive { InboxArchive(outbox: workspace.outbox, processing: processingArea) }

    public init(processor: InboxProcessor, settings: WatchSettings = WatchSettings()) {
        self.processor = processor
        self.settings = settings
        self.tracker = SettleTracker(settleSeconds: settings.settleSeconds, staleWriterSeconds: settings.staleWriterSeconds)
    }

    /// Runs until cancelled (SIGTERM/SIGINT cancel it): then stops taking files, stops the running
    /// stages at their checkpoint (the file stays claimed and resumes at the next start) and returns.
    public func run() async throws {
        // Every folder is made (or found) real, never through a link (issue 12). The state folder
        // must be sound to start; a tampered outbox folder is reported and the rest goes on.
        _ = try ProjectFolder(processingArea, under: workspace.state.deletingLastPathComponent())
        _ = try ProjectFolder(workspace.inbox, under: workspace.inbox.deletingLastPathComponent())
        // A link in place of an inbox folder is taken as an input (and refused with a reason).
        for folder in InputKind.allCases.map({ workspace.inbox.appendingPathComponent($0.folder) }) + [workspace.videos] {
            let anchor = folder == workspace.videos ? workspace.outbox.deletingLastPathComponent() : workspace.inbox.deletingLastPathComponent()
            do { _ = try ProjectFolder(folder, under: anchor) } catch {
                logger.error("refusing a tampered folder", metadata: ["error": "\(error)"])
            }
        }
        let watcher = InotifyWatcher(root: workspace.inbox)
        let events = try watcher.events()
        defer { watcher.stop() }
        logger.info("watching", metadata: ["inbox": "\(workspace.inbox.path)", "settle_s": "\(settings.settleSeconds)"])
        try recoverProcessingArea()
        // A run stopped in the middle of a burst may have left the reports behind the index.
        do { try processor.publishReports() } catch {
            logger.error("cannot write the reports", metadata: ["error": "\(error)"])
        }
        scan(workspace.inbox)

        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for await event in events { await self.handle(event) }
            }
            group.addTask {
                // Tick fast while files are settling; idle, wake rarely (well within the settle time).
                let idleTick = min(0.5, self.settings.settleSeconds / 2)
                while !Task.isCancelled {
                    let isWaiting = await self.claimSettled()
                    await self.releaseMemoryWhenIdle()
                    let seconds = isWaiting ? self.settings.tickSeconds : max(self.settings.tickSeconds, idleTick)
                    try await Task.sleep(for: .milliseconds(Int64(seconds * 1000)))
                }
            }
            group.addTask {
                while !Task.isCancelled {
                    try await Task.sleep(for: .milliseconds(Int64(self.settings.rescanSeconds * 1000)))
                    await self.scan(self.workspace.inbox)
                    await self.retryWaitingFiles()
                }
            }
            for _ in 0..<max(1, settings.renderConcurrency) {
                group.addTask { for await job in self.renderLane.stream { await self.execute(job) } }
            }
            for _ in 0..<max(1, settings.lightConcurrency) {
                group.addTask {
                    for await job in self.lightLane.stream {
                        await self.execute(job, publishesReports: false)
                        await self.lightJobFinished()
                    }
                }
            }
            do {
                try await group.waitForAll()
            } catch is CancellationError {
            }
        }
        logger.info("stopped")
    }

    // MARK: Seeing files

    private func handle(_ event: WatchEvent) {
        let now = ContinuousClock.now
        switch event {
        case let .closedWrite(path), let .movedIn(path):
            consider(path, writing: false, now: now)
        case let .writing(path):
            consider(path, writing: true, now: now)
        case let .folderAppeared(path):
            scan(URL(fileURLWithPath: path))
        case .overflow:
            logger.warning("inotify queue overflowed; scanning the inbox")
            scan(workspace.inbox)
        }
    }

    private func consider(_ path: String, writing: Bool?, now: ContinuousClock.Instant) {
        guard path.hasPrefix(workspace.inbox.path + "/") else { return }
        if path.contains("\u{FFFD}") {
            // inotify's name was not UTF-8 (it reached us repaired): list the folder by raw bytes.
            scan(URL(fileURLWithPath: (path as NSString).deletingLastPathComponent))
            return
        }
        let relative = String(path.dropFirst(workspace.inbox.path.count + 1))
        switch InboxFilter.verdict(relativePath: relative) {
        case .ignored:
            return
        case .conflict:
            do { try archive.reportConflict(relativePath: relative) } catch {
                logger.error("cannot report a conflict copy", metadata: ["file": "\(relative)", "error": "\(error)"])
            }
            logger.warning("Syncthing conflict copy not run", metadata: ["file": "\(relative)"])
        case .input:
            tracker.note(path, writing: writing, now: now)
        }
    }

    /// The truth: every entry under `folder` is considered, links and special files included
    /// (they are refused with a reason); an entry whose name is not UTF-8 is claimed at once.
    func scan(_ folder: URL) {
        let now = ContinuousClock.now
        let inbox = workspace.inbox.path
        guard folder.path == inbox || folder.path.hasPrefix(inbox + "/") else { return }
        let parent = folder.path == inbox ? "" : String(folder.path.dropFirst(inbox.count + 1))
        for entry in InboxScanner.entries(in: workspace.inbox, under: parent) {
            if let relative = entry.relativePath {
                consider(workspace.inbox.appendingPathComponent(relative).path, writing: nil, now: now)
            } else {
                claim(parent: entry.parent, name: entry.name, settledAt: nil)
            }
        }
    }

    /// After a burst, once nothing is settling or running, SQLite's caches and freed heap pages
    /// are given back, so the idle daemon stays small.
    private var isMemoryReleased = true

    private func releaseMemoryWhenIdle() {
        let isIdle = tracker.pending.isEmpty && inFlight.isEmpty
        guard isIdle != isMemoryReleased else { return }
        isMemoryReleased = isIdle
        guard isIdle else { return }
        index.releaseMemory()
        _ = mallocTrim(0)
    }

    // MARK: Claiming

    /// Claims the files that have settled; returns whether others are still settling.
    private func claimSettled() -> Bool {
        for settled in tracker.takeSettled(now: .now) {
            let relative = String(settled.path.dropFirst(workspace.inbox.path.count + 1))
            let parent = (relative as NSString).deletingLastPathComponent
            claim(parent: parent, name: Array((relative as NSString).lastPathComponent.utf8), settledAt: settled.settledAt)
        }
        return !tracker.pending.isEmpty
    }

    private func claim(parent: String, name: [UInt8], settledAt: Date?) {
        do {
            guard
                let claim = try ClaimedFile.claim(
                    parent: parent, name: name, inbox: workspace.inbox, processingArea: processingArea, settledAt: settledAt)
            else { return }
            try admit(claim)
        } catch {
            let shown = (parent.isEmpty ? "" : parent + "/") + ClaimedFile.displayName(of: name)
            logger.error("cannot claim", metadata: ["file": "inbox/\(shown)", "error": "\(error)"])
        }
    }

    /// Journals a claimed file and hands it to its lane; a duplicate goes straight to the failed area.
    private func admit(_ claim: ClaimedFile, existing: JournalEntry? = nil) throws {
        let data: Data
        do {
            if claim.hasInvalidName { throw Self.invalidName(claim) }
            data = try Self.readInput(claim)
            // Checked before the duplicate check: two empty files are two empty files.
            if InputFile.isBlank(data) {
                throw InputError(
                    .emptyFile, file: claim.displayName, problem: "the file is empty",
                    fix: "write the file's content before dropping it (see the examples in inbox/)")
            }
        } catch {
            try reject(claim, existing: existing, explanation: "\(error)")
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
        let entryId = entry.id!
        var logger = logger
        logger[metadataKey: "file"] = "\(claim.displayName)"

        let earlier = try index.finishedEntry(contentHash: hash)
        if !forced, inFlight.contains(hash) || earlier != nil {
            // `force: true` only exists in YAML. A CSV's rows are snapshots already counted: there
            // is nothing to do, and the file is archived, not failed (an export folder dropped
            // again often repeats an unchanged file, issue 11).
            let isYAML = ["yaml", "yml"].contains((claim.source as NSString).pathExtension.lowercased())
            let message =
                "\(claim.displayName): the same content was already processed"
                + (earlier.map { " (as inbox/\($0.source)" + ($0.output.map { ", result: \($0)" } ?? "") + ")" } ?? " (it is running now)")
                + (isYAML
                    ? " — nothing was run. To run it again on purpose, add the line `force: true` to the file."
                    : " — its rows are already counted, and nothing needs doing. A newer export, with other numbers, is imported as usual.")
            try index.updateJournal(id: entryId) {
                $0.state = .duplicate
                $0.message = message
                $0.finishedAt = Date()
            }
            try place(claim, entryId: entryId) {
                isYAML ? try archive.fail(claim, explanation: message) : try archive.archive(claim, problems: [], note: message)
            }
            logger.info("duplicate, not run")
            return
        }
        let kind: InputKind
        do {
            kind = try InputKind.detect(file: claim.processing, data: data, displayName: claim.displayName, folder: claim.folder)
        } catch {
            try finish(Job(claim: claim, entryId: entryId, contentHash: hash), failure: error)
            return
        }
        try index.updateJournal(id: entryId) { $0.kind = kind.rawValue }
        inFlight.insert(hash)
        let job = Job(claim: claim, entryId: entryId, contentHash: hash)
        logger.info("claimed", metadata: ["kind": "\(kind.rawValue)"])
        if kind == .request {
            renderLane.continuation.yield(job)
        } else {
            lightJobsPending += 1
            lightLane.continuation.yield(job)
        }
    }

    /// Inbox files are small text files; anything larger is refused before it is read.
    static let maximumInputBytes = InputFile.maximumBytes

    /// A regular file only, opened without following a link, the size checked on the descriptor.
    static func readInput(_ claim: ClaimedFile) throws(InputError) -> Data {
        try InputFile.read(claim.processing, displayName: claim.displayName)
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
    private func reject(_ claim: ClaimedFile, existing: JournalEntry?, explanation: String) throws {
        var entry =
            existing
            ?? JournalEntry(
                id: nil, contentHash: "unreadable", kind: nil, source: claim.source, processingPath: claim.processing.path,
                state: .failed, forced: false, message: nil, output: nil, finalPath: nil,
                settledAt: claim.settledAt?.timeIntervalSince1970, startedAt: nil, claimedAt: Date(), finishedAt: nil)
        if entry.id == nil { entry = try index.insert(journal: entry) }
        try index.updateJournal(id: entry.id!) {
            $0.state = .failed
            $0.message = explanation
            $0.finishedAt = Date()
        }
        try place(claim, entryId: entry.id!) { try archive.fail(claim, explanation: explanation) }
        logger.warning("failed", metadata: ["file": "\(claim.displayName)", "error": "\(explanation)"])
    }

    /// Moves a finished input to its place (archive or failed area) and journals where. When the
    /// outbox folder is a link (tampered) or the disk is full, nothing is written: the file stays
    /// in the processing area, the journal says why, and it is placed at a later rescan or start.
    private func place(_ claim: ClaimedFile, entryId: Int64, _ move: () throws -> URL) throws {
        do {
            let destination = try move()
            try index.updateJournal(id: entryId) { $0.finalPath = destination.path }
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

    // MARK: Waiting for space and for sound folders

    /// Jobs that hit a full disk: their input stays claimed and they run again at each rescan.
    private var waitingForSpace: [Job] = []

    private func waitForSpace(_ job: Job, error: any Error) {
        inFlight.remove(job.contentHash)
        waitingForSpace.append(job)
        try? index.updateJournal(id: job.entryId) {
            $0.state = .claimed
            $0.message = "waiting for disk space: \(error)"
        }
        logger.error("disk full; the file is kept and runs again once there is space", metadata: ["file": "\(job.claim.displayName)", "error": "\(error)"])
    }

    /// At each rescan: jobs that waited for space run again, and finished files that could not
    /// be placed (tampered outbox folder, full disk) are placed if they now can be.
    func retryWaitingFiles() {
        let waiting = waitingForSpace
        waitingForSpace = []
        for job in waiting {
            do { try admit(job.claim, existing: index.journalEntry(processingPath: job.claim.processing.path)) } catch {
                logger.error("cannot retry", metadata: ["file": "\(job.claim.displayName)", "error": "\(error)"])
            }
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: processingArea.path)) ?? []
        for name in names where !name.hasPrefix(".") {
            let claim = ClaimedFile.recovered(processingArea.appendingPathComponent(name))
            guard let entry = try? index.journalEntry(processingPath: claim.processing.path), entry.finalPath == nil,
                [.done, .failed, .duplicate].contains(entry.state)
            else { continue }
            try? recover(claim)
        }
    }

    // MARK: Running

    /// Rewrites the reports once no trends or analytics file is waiting.
    private func lightJobFinished() {
        lightJobsPending -= 1
        guard lightJobsPending == 0 else { return }
        do {
            try processor.publishReports()
        } catch {
            logger.error("cannot write the reports", metadata: ["error": "\(error)"])
        }
    }

    private nonisolated func execute(_ job: Job, publishesReports: Bool = true) async {
        do {
            try index.updateJournal(id: job.entryId) {
                $0.state = .running
                $0.startedAt = Date().timeIntervalSince1970
            }
            logger.info("started", metadata: ["file": "\(job.claim.displayName)"])
            let outcome = try await processor.process(
                file: job.claim.processing, displayName: job.claim.displayName, folder: job.claim.folder,
                publishesReports: publishesReports)
            try await finish(job, outcome: outcome)
        } catch is CancellationError {
            logger.info("stopped at a checkpoint; resumes at the next start", metadata: ["file": "\(job.claim.displayName)"])
        } catch {
            if Task.isCancelled {
                logger.info("stopped at a checkpoint; resumes at the next start", metadata: ["file": "\(job.claim.displayName)"])
                return
            }
            if DiskFull.matches(error) {
                await waitForSpace(job, error: error)
                return
            }
            do { try await finish(job, failure: error) } catch {
                logger.error("cannot record a failure", metadata: ["file": "\(job.claim.displayName)", "error": "\(error)"])
            }
        }
    }

    private func finish(_ job: Job, outcome: ProcessOutcome) throws {
        inFlight.remove(job.contentHash)
        try index.updateJournal(id: job.entryId) {
            $0.state = .done
            $0.message = outcome.summary
            $0.output = outcome.output?.path
            $0.finishedAt = Date()
        }
        try place(job.claim, entryId: job.entryId) { try archive.archive(job.claim, problems: outcome.problems) }
        logger.info("done", metadata: ["file": "\(job.claim.displayName)", "outcome": "\(outcome.summary)"])
    }

    private func finish(_ job: Job, failure: any Error) throws {
        inFlight.remove(job.contentHash)
        let explanation =
            failure is InputError
            ? "\(failure)"
            : "\(job.claim.displayName): processing failed — \(failure)"
        try index.updateJournal(id: job.entryId) {
            $0.state = .failed
            $0.message = explanation
            $0.finishedAt = Date()
        }
        try place(job.claim, entryId: job.entryId) { try archive.fail(job.claim, explanation: explanation) }
        logger.warning("failed", metadata: ["file": "\(job.claim.displayName)", "error": "\(explanation)"])
    }

    // MARK: Recovery

    /// Files left in the processing area by a killed run: finished ones are put in their place,
    /// the others run again (their finished stages are re-used).
    private func recoverProcessingArea() throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: processingArea.path)) ?? []
        for name in names.sorted() where !name.hasPrefix(".") {
            let claim = ClaimedFile.recovered(processingArea.appendingPathComponent(name))
            do {
                try recover(claim)
            } catch {
                // One bad leftover must not keep the daemon from starting.
                logger.error("cannot resume", metadata: ["file": "\(claim.displayName)", "error": "\(error)"])
                _ = try? archive.fail(claim, explanation: "\(claim.displayName): could not be resumed after a restart — \(error)")
            }
        }
        ClaimedFile.releaseAbandonedClaims(in: workspace.inbox)
    }

    /// Finishes a journalled outcome whose file was not moved yet, or runs the file again.
    private func recover(_ claim: ClaimedFile) throws {
        let entry = try index.journalEntry(processingPath: claim.processing.path)
        switch entry?.state {
        case .done?:
            try place(claim, entryId: entry!.id!) { try archive.archive(claim, problems: []) }
        case .duplicate? where !["yaml", "yml"].contains((claim.source as NSString).pathExtension.lowercased()):
            try place(claim, entryId: entry!.id!) { try archive.archive(claim, problems: [], note: entry?.message) }
        case .failed?, .duplicate?:
            try place(claim, entryId: entry!.id!) {
                try archive.fail(claim, explanation: entry?.message ?? "\(claim.displayName) failed")
            }
        case .claimed?, .running?, nil:
            // A request whose video was published just before the kill is recognised by the
            // pipeline and not made again.
            logger.info("resuming", metadata: ["file": "\(claim.displayName)"])
            try admit(claim, existing: entry)
        }
    }
}

/// glibc's `malloc_trim` (declared in malloc.h, which Swift's Glibc module does not export):
/// returns freed heap pages to the system.
@_silgen_name("malloc_trim")
private func mallocTrim(_ pad: Int) -> Int32
