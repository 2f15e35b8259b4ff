import Foundation
import Logging
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// Sees and takes files (DESIGN §3): inotify is a hint and the directory scan, at start, on an
/// overflow and every `rescanSeconds`, is the truth. A file is claimed by `rename()` into the
/// processing area once settled and put on the road to admission; a Syncthing conflict copy is
/// reported, not claimed, and temp and lock files are left alone.
actor InboxIntake {
    package let inbox: URL
    let processingArea: URL
    package let archive: InboxArchive
    package let settings: WatchSettings
    private let road: AsyncStream<ClaimedFile>.Continuation
    private let memory: MemoryRelease
    private let logger = Logger(label: "reelsmith.watch")
    private var tracker: SettleTracker

    package init(
        inbox: URL, archive: InboxArchive, settings: WatchSettings, road: AsyncStream<ClaimedFile>.Continuation,
        memory: MemoryRelease
    ) {
        self.inbox = inbox
        self.processingArea = archive.processing
        self.archive = archive
        self.settings = settings
        self.road = road
        self.memory = memory
        self.tracker = SettleTracker(
            settleSeconds: settings.settleSeconds, staleWriterSeconds: settings.staleWriterSeconds)
    }

    /// Watches, then scans the whole inbox (nothing dropped before the watch is missed), until cancelled.
    package func run() async throws {
        let watcher = InotifyWatcher(root: inbox)
        let events = try watcher.events()
        defer { watcher.stop() }
        logger.info("watching", metadata: ["inbox": "\(inbox.path)", "settle_s": "\(settings.settleSeconds)"])
        scan(inbox)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for await event in events { await self.handle(event) }
            }
            group.addTask {
                // Tick fast while files are settling; idle, wake rarely (well within the settle time).
                let idleTick = min(0.5, self.settings.settleSeconds / 2)
                while !Task.isCancelled {
                    let isWaiting = await self.claimSettled()
                    let seconds = isWaiting ? self.settings.tickSeconds : max(self.settings.tickSeconds, idleTick)
                    try await Task.sleep(for: .milliseconds(Int64(seconds * 1000)))
                }
            }
            group.addTask {
                while !Task.isCancelled {
                    try await Task.sleep(for: .milliseconds(Int64(self.settings.rescanSeconds * 1000)))
                    await self.scan(self.inbox)
                }
            }
            do {
                try await group.waitForAll()
            } catch is CancellationError {
            }
        }
    }

    private func handle(_ event: WatchEvent) {
        let now = ContinuousClock.now
        switch event {
        case .closedWrite(let path), .movedIn(let path):
            consider(path, writing: false, now: now)
        case .writing(let path):
            consider(path, writing: true, now: now)
        case .folderAppeared(let path):
            scan(URL(fileURLWithPath: path))
        case .overflow:
            logger.warning("inotify queue overflowed; scanning the inbox")
            scan(inbox)
        }
    }

    private func consider(_ path: String, writing: Bool?, now: ContinuousClock.Instant) {
        guard path.hasPrefix(inbox.path + "/") else { return }
        if path.contains("\u{FFFD}") {
            // inotify's name was not UTF-8 (it reached us repaired): list the folder by raw bytes.
            scan(URL(fileURLWithPath: (path as NSString).deletingLastPathComponent))
            return
        }
        let relative = String(path.dropFirst(inbox.path.count + 1))
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
    package func scan(_ folder: URL) {
        let now = ContinuousClock.now
        guard folder.path == inbox.path || folder.path.hasPrefix(inbox.path + "/") else { return }
        let parent = folder.path == inbox.path ? "" : String(folder.path.dropFirst(inbox.path.count + 1))
        for entry in InboxScanner.entries(in: inbox, under: parent) {
            if let relative = entry.relativePath {
                consider(inbox.appendingPathComponent(relative).path, writing: nil, now: now)
            } else {
                claim(parent: entry.parent, name: entry.name, settledAt: nil)
            }
        }
    }

    /// Claims the files that have settled; returns whether others are still settling.
    private func claimSettled() -> Bool {
        let settledFiles = tracker.takeSettled(now: .now)
        for settled in settledFiles {
            let relative = String(settled.path.dropFirst(inbox.path.count + 1))
            let parent = (relative as NSString).deletingLastPathComponent
            claim(
                parent: parent, name: Array((relative as NSString).lastPathComponent.utf8), settledAt: settled.settledAt
            )
        }
        let isSettling = !tracker.pending.isEmpty
        // A file claimed just now is not in flight until admission has taken it: not idle yet.
        memory.releaseWhenIdle(isSettling: isSettling || !settledFiles.isEmpty)
        return isSettling
    }

    private func claim(parent: String, name: [UInt8], settledAt: Date?) {
        do {
            guard
                let claim = try ClaimedFile.claim(
                    parent: parent, name: name, inbox: inbox, processingArea: processingArea, settledAt: settledAt)
            else { return }
            road.yield(claim)
        } catch {
            let shown = (parent.isEmpty ? "" : parent + "/") + ClaimedFile.displayName(of: name)
            logger.error("cannot claim", metadata: ["file": "inbox/\(shown)", "error": "\(error)"])
        }
    }
}
