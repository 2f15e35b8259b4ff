import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia
import Synchronization

/// A flag set once from any thread.
final class StopFlag: Sendable {
    private let value = Atomic<Bool>(false)

    var isSet: Bool { value.load(ordering: .acquiring) }

    /// Sets the flag; returns whether this call was the one that set it.
    @discardableResult
    package func set() -> Bool {
        !value.exchange(true, ordering: .acquiringAndReleasing)
    }
}
