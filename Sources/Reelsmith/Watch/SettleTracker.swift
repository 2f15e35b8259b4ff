import CDispatch
// `stat` is declared by Glibc, CoreFoundation and CDispatch alike; which one a file sees first
// varies, so all three are imported (MemberImportVisibility).
import CoreFoundation
import Foundation
import Glibc
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// Files seen in the inbox and not yet taken. A file is settled when its size and modification
/// time have not changed for the settle time, and no writer is known to hold it open.
struct SettleTracker {
    package struct Pending {
        package var size: UInt64
        package var modified: Date
        var changedAt: ContinuousClock.Instant
        /// Seen being written (`IN_MODIFY`/`IN_CREATE`) and not yet closed.
        var isBeingWritten: Bool
    }

    struct Settled: Equatable {
        package var path: String
        /// Wall-clock time at which the file had been still for the settle time.
        package var settledAt: Date
    }

    private(set) var pending: [String: Pending] = [:]
    package let settle: Duration
    let staleWriter: Duration

    package init(settleSeconds: Double, staleWriterSeconds: Double) {
        settle = .milliseconds(Int64(settleSeconds * 1000))
        staleWriter = .milliseconds(Int64(staleWriterSeconds * 1000))
    }

    /// Notes a file from an event or a scan. `writing` is true while a writer is known to be at
    /// work, false once it closed or renamed the file in, nil when a scan saw it.
    package mutating func note(_ path: String, writing: Bool?, now: ContinuousClock.Instant) {
        var writing = writing
        // Nothing writes into a link or a pipe once it exists (and no close event will come).
        var info = Glibc.stat()
        if writing == true, lstat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG { writing = false }
        guard let (size, modified) = Self.stat(path) else {
            pending[path] = nil
            return
        }
        if var entry = pending[path] {
            if entry.size != size || entry.modified != modified {
                entry.size = size
                entry.modified = modified
                entry.changedAt = now
            }
            if let writing { entry.isBeingWritten = writing }
            pending[path] = entry
        } else {
            pending[path] = Pending(size: size, modified: modified, changedAt: now, isBeingWritten: writing ?? false)
        }
    }

    /// Removes and returns the files that have settled.
    mutating func takeSettled(now: ContinuousClock.Instant) -> [Settled] {
        var settled: [Settled] = []
        for (path, var entry) in pending {
            guard let (size, modified) = Self.stat(path) else {
                pending[path] = nil
                continue
            }
            if size != entry.size || modified != entry.modified {
                entry.size = size
                entry.modified = modified
                entry.changedAt = now
                pending[path] = entry
                continue
            }
            let quiet = now - entry.changedAt
            if quiet >= (entry.isBeingWritten ? staleWriter : settle) {
                pending[path] = nil
                let late = quiet - settle
                let lateSeconds = late.seconds
                settled.append(Settled(path: path, settledAt: Date().addingTimeInterval(-lateSeconds)))
            }
        }
        return settled.sorted { $0.path < $1.path }
    }

    /// Size and modification time of the entry itself, never of a link's target: a link, pipe or
    /// device settles like a file, and is then refused with a reason when it is read (issue 12).
    package static func stat(_ path: String) -> (UInt64, Date)? {
        var info = Glibc.stat()
        guard lstat(path, &info) == 0 else { return nil }
        let modified = Date(
            timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1_000_000_000)
        return (UInt64(max(0, info.st_size)), modified)
    }
}
