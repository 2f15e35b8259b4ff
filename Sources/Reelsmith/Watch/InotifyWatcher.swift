import CInotifyTools
import Foundation

/// What the kernel told us about the inbox. Only a hint: the directory scan is the truth (DESIGN §3).
enum WatchEvent: Sendable, Equatable {
    /// A writer closed the file (`IN_CLOSE_WRITE`).
    case closedWrite(String)
    /// The file was renamed into place (`IN_MOVED_TO`): Syncthing and atomic-saving editors.
    case movedIn(String)
    /// The file is being written (`IN_CREATE`, `IN_MODIFY`): a writer may still be at work.
    case writing(String)
    /// A folder appeared; it is watched now and must be listed (files may predate the watch).
    case folderAppeared(String)
    /// The kernel queue overflowed: events were lost, scan everything.
    case overflow
}

/// Recursive inotify through libinotifytools. The library keeps global state and its read call
/// blocks, so one dedicated thread owns it and hands events over an `AsyncStream`.
final class InotifyWatcher: @unchecked Sendable {
    private let root: URL
    private let stopped = Atomic()

    private static let mask = Int32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_MODIFY)

    init(root: URL) {
        self.root = root
    }

    /// Starts the thread. The stream ends when ``stop()`` is called or the watch fails.
    func events() throws -> AsyncStream<WatchEvent> {
        guard inotifytools_initialize() == 1 else { throw WatchError.inotify("initialise", errno: inotifytools_error()) }
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

    func stop() { stopped.set() }

    private static func readLoop(stopped: Atomic, continuation: AsyncStream<WatchEvent>.Continuation) {
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

/// A flag set once from any thread.
final class Atomic: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }
}

/// A failure of the watcher itself (not of an input file).
enum WatchError: Error, CustomStringConvertible {
    case inotify(String, errno: Int32)

    var description: String {
        switch self {
        case let .inotify(what, code):
            let reason = String(cString: strerror(code))
            let hint =
                code == ENOSPC
                ? " — raise the limit: sysctl fs.inotify.max_user_watches=524288" : ""
            return "inotify could not \(what): \(reason)\(hint)"
        }
    }
}
