import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// Moves a finished staging folder into `outbox/videos/` in one `rename()`, so a syncing phone
/// never sees half a video (DESIGN §2). Staging lives on the same filesystem by default; when it
/// does not, the folder is copied under a hidden name first and then renamed. `outbox/videos` and
/// the staging folder are checked to be real folders (no link on the way) and the rename goes
/// through their descriptors (issue 12).
struct Publisher: Sendable {
    package let videos: URL

    /// `outbox/videos`, opened from the project root (the outbox's parent) without following links.
    private func videosFolder() throws(UnsafeFolderError) -> ProjectFolder {
        try ProjectFolder(videos, under: videos.deletingLastPathComponent().deletingLastPathComponent())
    }

    /// `outbox/videos/NAME`, or `NAME-2`, `NAME-3`… when taken.
    func freeDestination(for name: String) throws -> URL {
        let folder = try videosFolder()
        var candidate = name
        var suffix = 2
        while folder.contains(candidate) {
            candidate = "\(name)-\(suffix)"
            suffix += 1
        }
        return videos.appendingPathComponent(candidate)
    }

    /// Renames `staging` to `destination` (which must not exist) in one step.
    package func publish(staging: URL, to destination: URL) throws {
        // `<state>/staging/<job>`: the state folder's parent is the anchor.
        let stagingParent = try ProjectFolder(
            staging.deletingLastPathComponent(),
            under: staging.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent(),
            creating: false)
        let folder = try videosFolder()
        let moved = Result { () throws(UnsafeFolderError) in
            try folder.moveIn(staging.lastPathComponent, from: stagingParent, as: destination.lastPathComponent)
        }
        guard case .failure(let error) = moved else { return }
        guard error.code == EXDEV else { throw error }
        // Another filesystem: copy under a hidden name in the outbox, then rename.
        let hidden = videos.appendingPathComponent(".partial-\(destination.lastPathComponent)")
        try? FileManager.default.removeItem(at: hidden)
        try FileManager.default.copyItem(at: staging, to: hidden)
        try folder.moveIn(hidden.lastPathComponent, from: folder, as: destination.lastPathComponent)
        try FileManager.default.removeItem(at: staging)
    }
}
