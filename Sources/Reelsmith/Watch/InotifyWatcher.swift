import CInotifyTools
import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// Recursive inotify through libinotifytools. The library keeps global state and its read call
/// blocks, so one dedicated thread owns it and hands events over an `AsyncStream`. The C state is
/// touched only by that thread once it started, so the class holds nothing but Sendable constants.
final class InotifyWatcher: Sendable {
    private let root: URL
    private let stopped = StopFlag()

    private static let mask = Int32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_MODIFY)

    package init(root: URL) {
        self.root = root
    }

    /// Starts the thread. The stream ends when ``stop()`` is called or the watch fails.
    package func events() throws -> AsyncStream<WatchEvent> {
        guard inotifytools_initialize() == 1 else {
            throw WatchError.inotify("initialise", errno: inotifytools_error())
        }
        guard inotifytools_watch_recursively(root.path, Self.mask) == 1 else {
            throw WatchError.inotify("watch \(root.path)", errno: inotifytools_error())
        }
        let (stream, continuation) = AsyncStream.makeStream(of: WatchEvent.self, bufferingPolicy: .unbounded)
        let thread = Thread { [stopped] in
            Self.readLoop(stopped: stopped, continuation: continuation)
        }
        thread.name = "reelsmith.inotify"
        thread.start()
        continuation.onTermination = { [stopped] _ in stopped.set() }
        return stream
    }

    package func stop() { stopped.set() }

    private static func readLoop(stopped: StopFlag, continuation: AsyncStream<WatchEvent>.Continuation) {
        defer {
            inotifytools_cleanup()
            continuation.finish()
        }
        while !stopped.isSet {
            // A one-second timeout lets the thread notice `stop()`.
            guard let event = inotifytools_next_event(1) else { continue }
            let mask = event.pointee.mask
            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                continuation.yield(.overflow)
                continue
            }
            guard let folder = inotifytools_filename_from_wd(event.pointee.wd) else { continue }
            let name = String(cString: reelsmith_inotify_event_name(event))
            guard !name.isEmpty else { continue }
            var path = String(cString: folder)
            if !path.hasSuffix("/") { path += "/" }
            path += name
            if mask & UInt32(IN_ISDIR) != 0 {
                if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    _ = inotifytools_watch_recursively(path, Self.mask)
                    continuation.yield(.folderAppeared(path))
                }
                continue
            }
            if mask & UInt32(IN_CLOSE_WRITE) != 0 {
                continuation.yield(.closedWrite(path))
            } else if mask & UInt32(IN_MOVED_TO) != 0 {
                continuation.yield(.movedIn(path))
            } else {
                continuation.yield(.writing(path))
            }
        }
    }
}
