import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia
import Synchronization

/// After a burst, once nothing is settling or running, SQLite's caches and freed heap pages are
/// given back, so the idle daemon stays small.
final class MemoryRelease: Sendable {
    private let index: LearningIndex
    private let lanes: InboxLanes
    private let isReleased = Atomic<Bool>(true)

    package init(index: LearningIndex, lanes: InboxLanes) {
        self.index = index
        self.lanes = lanes
    }

    /// Releases once per idle period; `isSettling` says whether the intake still waits on files.
    func releaseWhenIdle(isSettling: Bool) {
        let isIdle = !isSettling && lanes.isIdle
        guard isReleased.exchange(isIdle, ordering: .relaxed) != isIdle, isIdle else { return }
        index.releaseMemory()
        _ = mallocTrim(0)
    }
}

/// glibc's `malloc_trim` (declared in malloc.h, which Swift's Glibc module does not export):
/// returns freed heap pages to the system.
@_silgen_name("malloc_trim")
private func mallocTrim(_ pad: Int) -> Int32
