import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia
import Synchronization

/// Forwards render progress to the caller and, at most once per percent, to the jobs table,
/// where `reelsmith status` reads it.
final class RenderProgress: Sendable {
    private let jobId: String
    private let index: LearningIndex
    private let progress: (@Sendable (Stage, Double) -> Void)?
    private let lastPercent = Mutex(-1)

    package init(jobId: String, index: LearningIndex, progress: (@Sendable (Stage, Double) -> Void)?) {
        self.jobId = jobId
        self.index = index
        self.progress = progress
    }

    package func report(_ fraction: Double) {
        let percent = Int(fraction * 100)
        let isNew = lastPercent.withLock { last in
            guard percent > last else { return false }
            last = percent
            return true
        }
        guard isNew else { return }
        progress?(.render, fraction)
        try? index.updateJob(id: jobId) { $0.progress = fraction }
    }
}
