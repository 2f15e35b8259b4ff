import CDispatch
// `stat` is declared by Glibc, CoreFoundation and CDispatch alike; which one a file sees first
// varies, so all three are imported (MemberImportVisibility).
import CoreFoundation
import Foundation
import Glibc

/// A folder inside the project, opened from a trusted anchor (the folder the user named, e.g. the
/// project root) one component at a time with `O_NOFOLLOW`: every component must be a real
/// folder, never a link, or the folder is refused (issue 12). Writes and moves go through the open
/// descriptor (`openat`, `renameat`), so the folder cannot be swapped for a link in between.
package final class ProjectFolder: Sendable {
    package let url: URL
    package let descriptor: Int32

    /// Opens `url`, which must lie under `anchor`, creating missing components when `creating`.
    package init(_ url: URL, under anchor: URL, creating: Bool = true) throws(UnsafeFolderError) {
        let anchorPath = anchor.standardizedFileURL.path
        let path = url.standardizedFileURL.path
        guard path == anchorPath || path.hasPrefix(anchorPath == "/" ? "/" : anchorPath + "/") else {
            throw UnsafeFolderError(folder: path, problem: "is not inside \(anchorPath)")
        }
        var current = open(anchorPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard current >= 0 else { throw Self.failure(anchorPath, errno) }
        var walked = anchorPath
        for component in path.dropFirst(anchorPath.count).split(separator: "/") {
            walked += (walked.hasSuffix("/") ? "" : "/") + component
            let name = String(component)
            guard name != ".." else {
                close(current)
                throw UnsafeFolderError(folder: walked, problem: "goes up with `..`")
            }
            var next = openat(current, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0, errno == ENOENT, creating {
                if mkdirat(current, name, 0o755) != 0, errno != EEXIST {
                    let code = errno
                    close(current)
                    throw Self.failure(walked, code)
                }
                next = openat(current, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            }
            let code = errno
            close(current)
            guard next >= 0 else { throw Self.failure(walked, code) }
            current = next
        }
        self.url = URL(fileURLWithPath: path, isDirectory: true)
        self.descriptor = current
    }

    private init(url: URL, descriptor: Int32) {
        self.url = url
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// A folder below this one (`a/b` allowed), created when missing, each component checked.
    package func subfolder(_ relative: String, creating: Bool = true) throws(UnsafeFolderError) -> ProjectFolder {
        var folder = self
        for component in relative.split(separator: "/") where component != "." {
            folder = try folder.child(String(component), creating: creating)
        }
        return folder
    }

    private func child(_ name: String, creating: Bool) throws(UnsafeFolderError) -> ProjectFolder {
        let childURL = url.appendingPathComponent(name)
        guard name != ".." else { throw UnsafeFolderError(folder: childURL.path, problem: "goes up with `..`") }
        var next = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if next < 0, errno == ENOENT, creating {
            if mkdirat(descriptor, name, 0o755) != 0, errno != EEXIST {
                throw Self.failure(childURL.path, errno)
            }
            next = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        }
        guard next >= 0 else { throw Self.failure(childURL.path, errno) }
        return ProjectFolder(url: childURL, descriptor: next)
    }

    /// Whether an entry of that name exists (a link counts, and is not followed).
    package func contains(_ name: String) -> Bool {
        var info = stat()
        return fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0
    }

    /// Moves `source` (a path Reelsmith owns, e.g. in the processing area) here under `name`.
    package func moveIn(_ source: URL, as name: String) throws(UnsafeFolderError) {
        guard renameat(AT_FDCWD, source.path, descriptor, name) == 0 else {
            throw Self.failure(url.path, errno, doing: "move a file in")
        }
    }

    /// Moves an entry of `folder` here (both checked folders): `rename()` between descriptors.
    package func moveIn(_ name: String, from folder: ProjectFolder, as newName: String) throws(UnsafeFolderError) {
        guard renameat(folder.descriptor, name, descriptor, newName) == 0 else {
            throw Self.failure(url.path, errno, doing: "move a file in")
        }
    }

    /// Writes `data` as `name` whole or not at all: a hidden temp file beside it, flushed, then
    /// renamed over the old one (which is replaced, never followed, even if it is a link).
    @discardableResult
    package func write(_ data: Data, as name: String) throws(UnsafeFolderError) -> URL {
        let temporary = ".\(name.prefix(200)).\(UUID().uuidString.prefix(8)).tmp"
        let file = openat(descriptor, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard file >= 0 else { throw Self.failure(url.path, errno, doing: "write a file") }
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(file, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure == 0, fsync(file) != 0 { failure = errno }
        close(file)
        if failure == 0, renameat(descriptor, temporary, descriptor, name) != 0 { failure = errno }
        guard failure == 0 else {
            unlinkat(descriptor, temporary, 0)
            throw Self.failure(url.path, failure, doing: "write a file")
        }
        return url.appendingPathComponent(name)
    }

    /// A link or a file where a folder should be is tampering; anything else is the system's error.
    private static func failure(_ path: String, _ code: Int32, doing action: String? = nil) -> UnsafeFolderError {
        if code == ELOOP || code == ENOTDIR {
            return UnsafeFolderError(folder: path, problem: "is a link or a file, not a real folder")
        }
        let reason = String(cString: strerror(code))
        return UnsafeFolderError(folder: path, problem: action.map { "cannot \($0): \(reason)" } ?? reason, code: code)
    }
}
