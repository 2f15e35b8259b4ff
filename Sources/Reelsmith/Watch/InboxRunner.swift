import Foundation
import Logging
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// The lanes' workers (DESIGN §3): each job runs its pipeline and ends in its place. A job that
/// hits a full disk is parked, its input kept claimed, and goes back on the road at each rescan;
/// the reports are rewritten once at the end of a burst of trends and analytics, not per file.
actor InboxRunner {
    package let processor: InboxProcessor
    let lanes: InboxLanes
    let placement: InboxPlacement
    package let settings: WatchSettings
    /// Where parked jobs go back to admission.
    private let road: AsyncStream<ClaimedFile>.Continuation
    private let logger = Logger(label: "reelsmith.watch")
    /// Jobs that hit a full disk: their input stays claimed and they are admitted again at each rescan.
    private var waitingForSpace: [InboxLanes.Job] = []

    package nonisolated var index: LearningIndex { processor.index }

    package init(
        processor: InboxProcessor, lanes: InboxLanes, placement: InboxPlacement, settings: WatchSettings,
        road: AsyncStream<ClaimedFile>.Continuation
    ) {
        self.processor = processor
        self.lanes = lanes
        self.placement = placement
        self.settings = settings
        self.road = road
    }

    /// Runs the workers until cancelled; a running stage then stops at its checkpoint and its
    /// input stays claimed for the next start.
    package func run() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<max(1, settings.renderConcurrency) {
                group.addTask { for await job in self.lanes.render.stream { await self.execute(job) } }
            }
            for _ in 0..<max(1, settings.lightConcurrency) {
                group.addTask {
                    for await job in self.lanes.light.stream {
                        await self.execute(job, publishesReports: false)
                        await self.lightJobEnded()
                    }
                }
            }
            group.addTask {
                while !Task.isCancelled {
                    try await Task.sleep(for: .milliseconds(Int64(self.settings.rescanSeconds * 1000)))
                    await self.retryWaitingFiles()
                }
            }
            do {
                try await group.waitForAll()
            } catch is CancellationError {
            }
        }
    }

    private nonisolated func execute(_ job: InboxLanes.Job, publishesReports: Bool = true) async {
        do {
            try index.updateJournal(id: job.entryId) {
                $0.state = .running
                $0.startedAt = Date().timeIntervalSince1970
            }
            logger.info("started", metadata: ["file": "\(job.claim.displayName)"])
            let outcome = try await processor.process(
                file: job.claim.processing, displayName: job.claim.displayName, folder: job.claim.folder,
                publishesReports: publishesReports)
            // Released once journalled: admission sees the same bytes as done, never as neither.
            try await placement.recordDone(job.claim, entryId: job.entryId, outcome: outcome)
            lanes.release(job.contentHash)
        } catch is CancellationError {
            logger.info(
                "stopped at a checkpoint; resumes at the next start", metadata: ["file": "\(job.claim.displayName)"])
        } catch {
            if Task.isCancelled {
                logger.info(
                    "stopped at a checkpoint; resumes at the next start", metadata: ["file": "\(job.claim.displayName)"]
                )
                return
            }
            if DiskFull.matches(error) {
                await waitForSpace(job, error: error)
                return
            }
            do { try await placement.recordFailure(job.claim, entryId: job.entryId, failure: error) } catch {
                logger.error(
                    "cannot record a failure", metadata: ["file": "\(job.claim.displayName)", "error": "\(error)"])
            }
            lanes.release(job.contentHash)
        }
    }

    /// Rewrites the reports once no trends or analytics file is waiting.
    private func lightJobEnded() {
        guard lanes.lightJobEnded() else { return }
        do {
            try processor.publishReports()
        } catch {
            logger.error("cannot write the reports", metadata: ["error": "\(error)"])
        }
    }

    private func waitForSpace(_ job: InboxLanes.Job, error: any Error) {
        try? index.updateJournal(id: job.entryId) {
            $0.state = .claimed
            $0.message = "waiting for disk space: \(error)"
        }
        lanes.release(job.contentHash)
        waitingForSpace.append(job)
        logger.error(
            "disk full; the file is kept and runs again once there is space",
            metadata: ["file": "\(job.claim.displayName)", "error": "\(error)"])
    }

    /// At each rescan: jobs that waited for space are admitted again, and finished files that
    /// could not be placed (tampered outbox folder, full disk) are placed if they now can be.
    func retryWaitingFiles() async {
        let waiting = waitingForSpace
        waitingForSpace = []
        for job in waiting { road.yield(job.claim) }
        let processingArea = placement.archive.processing
        let names = (try? FileManager.default.contentsOfDirectory(atPath: processingArea.path)) ?? []
        for name in names where !name.hasPrefix(".") {
            let claim = ClaimedFile.recovered(processingArea.appendingPathComponent(name))
            guard let entry = try? index.journalEntry(processingPath: claim.processing.path), entry.finalPath == nil
            else { continue }
            _ = try? await placement.placeFinished(claim, entry: entry)
        }
    }
}
