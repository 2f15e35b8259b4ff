import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia
import Synchronization

/// Times the stages of a job and remembers them in the staging folder, so a resumed job still
/// reports what the re-used stages cost the first time. Stages may run at the same time (images
/// and voice): each records when it started, so the overlap shows in `report.json`.
final class StageClock: Sendable {
    package let file: URL
    private struct Timings {
        package var recorded: [StageTiming] = []
        /// Seconds per stage from the first run, for stages re-used now.
        package var earlier: [Stage: Double]
    }

    private let timings: Mutex<Timings>
    private let clock = ContinuousClock()
    private let origin: ContinuousClock.Instant

    package init(file: URL) {
        self.file = file
        let saved = (try? JSONFiles.read([StageTiming].self, from: file)) ?? []
        timings = Mutex(
            Timings(earlier: Dictionary(saved.map { ($0.stage, $0.seconds) }, uniquingKeysWith: { first, _ in first })))
        origin = clock.now
    }

    /// The stages measured so far, in the pipeline's order.
    package var entries: [StageTiming] {
        timings.withLock { $0.recorded }.sorted {
            (Stage.allCases.firstIndex(of: $0.stage) ?? 0) < (Stage.allCases.firstIndex(of: $1.stage) ?? 0)
        }
    }

    /// Runs `work`, or `reuse` when the stage's product already exists.
    package func measure<T>(
        _ stage: Stage, reused: Bool, work: () async throws -> T, reuse: () throws -> T
    ) async throws -> T {
        if reused {
            let value = try reuse()
            timings.withLock {
                $0.recorded.append(StageTiming(stage: stage, seconds: $0.earlier[stage] ?? 0, reused: true))
            }
            return value
        }
        let start = clock.now
        let value = try await work()
        let seconds = (clock.now - start).seconds
        let startedAt = (start - origin).seconds
        timings.withLock { timings in
            timings.recorded.append(
                StageTiming(
                    stage: stage, seconds: (seconds * 1000).rounded() / 1000, reused: false,
                    startedAt: (startedAt * 1000).rounded() / 1000))
            timings.earlier[stage] = seconds
            try? FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? JSONFiles.write(timings.recorded, to: file)
        }
        return value
    }
}
