import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// Waits for SIGTERM or SIGINT (systemd stop, Ctrl-C). The default handlers are replaced so the
/// daemon can stop at a checkpoint and exit 0.
package enum ShutdownSignal {
    /// Returns the name of the first termination signal received.
    ///
    /// With `forcedExitAfterSeconds`, the process also ends that long after the signal if it has not
    /// ended by itself. Work stops at checkpoints, but a parse or an import in progress is
    /// synchronous code that cannot be interrupted — and may hold every thread of the pool, so
    /// the deadline is armed from the signal handler's own queue, not from a task. The journal
    /// and SQLite's transactions make ending mid-way safe: the file stays claimed and runs again
    /// at the next start (issue 12).
    package static func wait(
        forcedExitAfterSeconds: Double? = nil, onForcedExit: @escaping @Sendable () -> Void = {}
    ) async -> String {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        let armed = StopFlag()
        for (number, name) in [(SIGTERM, "SIGTERM"), (SIGINT, "SIGINT")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                continuation.yield(name)
                // Both signals' handlers run on the global queue: only the first arms the deadline.
                if let forcedExitAfterSeconds, armed.set() {
                    forceExit(after: forcedExitAfterSeconds, log: onForcedExit)
                }
            }
            source.resume()
            // Kept for the life of the process: a second signal still arms nothing twice, and a
            // signal never falls back to the default handler mid-stop.
            _ = Unmanaged.passRetained(source as AnyObject)
        }
        var iterator = stream.makeAsyncIterator()
        return await iterator.next() ?? "cancelled"
    }

    private static func forceExit(after seconds: Double, log: @escaping @Sendable () -> Void) {
        let thread = Thread {
            Thread.sleep(forTimeInterval: seconds)
            log()
            _exit(0)
        }
        thread.name = "reelsmith.shutdown-deadline"
        thread.start()
    }
}
