import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia
import Synchronization

/// The two queues from admission to the runner, and the contents in flight between them: requests
/// go to the render lane, trends and analytics to the light lane, so a render never delays them.
final class InboxLanes: Sendable {
    /// A claimed, journalled input waiting for a worker.
    struct Job: Sendable {
        package var claim: ClaimedFile
        var entryId: Int64
        package var contentHash: String
    }

    enum Lane: Sendable {
        case render, light
    }

    package let render = AsyncStream.makeStream(of: Job.self)
    package let light = AsyncStream.makeStream(of: Job.self)

    private struct State {
        /// Content hashes sent and not finished: the same bytes dropped twice at once run once.
        var inFlight: Set<String> = []
        /// Light jobs sent and not finished: while a burst runs, the reports wait for its end.
        var lightJobsPending = 0
    }

    private let state = Mutex(State())

    func isInFlight(_ contentHash: String) -> Bool {
        state.withLock { $0.inFlight.contains(contentHash) }
    }

    /// Nothing sent is still running.
    var isIdle: Bool { state.withLock { $0.inFlight.isEmpty } }

    package func send(_ job: Job, to lane: Lane) {
        state.withLock {
            $0.inFlight.insert(job.contentHash)
            if lane == .light { $0.lightJobsPending += 1 }
        }
        switch lane {
        case .render: render.continuation.yield(job)
        case .light: light.continuation.yield(job)
        }
    }

    /// The content is no longer running (finished, failed or parked).
    package func release(_ contentHash: String) {
        _ = state.withLock { $0.inFlight.remove(contentHash) }
    }

    /// Counts a light job as ended; returns whether it was the last one of the burst.
    func lightJobEnded() -> Bool {
        state.withLock {
            $0.lightJobsPending -= 1
            return $0.lightJobsPending == 0
        }
    }
}
