import Dispatch
import Foundation
import Synchronization

/// Runs async work for a synchronous test helper (`TestSupport.run`, `DaemonProcess`) and blocks
/// the caller until it is done. The work runs on a serial dispatch queue of its own, never on the
/// cooperative pool: the callers block pool threads, and on a two-core machine two of them would
/// otherwise wait for work that can never be scheduled. Serial on purpose: a serial queue gets an
/// overcommit thread of its own, a concurrent one shares the pool's threads (and deadlocked).
enum Blocking {
    final class QueueExecutor: TaskExecutor {
        private let queue = DispatchQueue(label: "reelsmith.tests.blocking")

        func enqueue(_ job: consuming ExecutorJob) {
            let job = UnownedJob(job)
            queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
        }
    }

    static let executor = QueueExecutor()

    private final class Outcome<Value: Sendable>: Sendable {
        let result = Mutex<Result<Value, any Error>?>(nil)
    }

    static func run<Value: Sendable>(_ work: @escaping @Sendable () async throws -> Value) throws -> Value {
        let outcome = Outcome<Value>()
        let done = DispatchSemaphore(value: 0)
        Task(executorPreference: executor) {
            let result: Result<Value, any Error>
            do { result = .success(try await work()) } catch { result = .failure(error) }
            outcome.result.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        return try outcome.result.withLock { $0! }.get()
    }
}
