import Foundation

/// Moves a finished staging folder into `outbox/videos/` in one `rename()`, so a syncing phone
/// never sees half a video (DESIGN §2). Staging lives on the same filesystem by default; when it
/// does not, the folder is copied under a hidden name first and then renamed.
struct Publisher: Sendable {
    let videos: URL

    /// `outbox/videos/NAME`, or `NAME-2`, `NAME-3`… when taken.
    func freeDestination(for name: String) throws -> URL {
        try FileManager.default.createDirectory(at: videos, withIntermediateDirectories: true)
        var destination = videos.appendingPathComponent(name)
        var suffix = 2
        while FileManager.default.fileExists(atPath: destination.path) {
            destination = videos.appendingPathComponent("\(name)-\(suffix)")
            suffix += 1
        }
        return destination
    }

    /// Renames `staging` to `destination` (which must not exist) in one step.
    func publish(staging: URL, to destination: URL) throws {
        if rename(staging.path, destination.path) == 0 { return }
        guard errno == EXDEV else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination.path])
        }
        // Another filesystem: copy under a hidden name in the outbox, then rename.
        let hidden = videos.appendingPathComponent(".partial-\(destination.lastPathComponent)")
        try? FileManager.default.removeItem(at: hidden)
        try FileManager.default.copyItem(at: staging, to: hidden)
        guard rename(hidden.path, destination.path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination.path])
        }
        try FileManager.default.removeItem(at: staging)
    }
}
