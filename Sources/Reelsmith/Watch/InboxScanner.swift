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

/// Lists the inbox the way the daemon may trust it (issue 12): from descriptors opened with
/// `O_NOFOLLOW`, by raw name bytes, descending only into real folders with UTF-8 names. Anything
/// else — a file, a link (to a file, a folder, a device or itself), a pipe, a socket, an entry
/// whose name is not UTF-8 — is listed as an entry, so it ends in `failed/` with a reason
/// instead of staying in the inbox unseen.
enum InboxScanner {
    package struct Entry: Equatable {
        /// Inbox-relative folder, "" for the inbox itself.
        package var parent: String
        package var name: [UInt8]
        /// The name is UTF-8: it can go through the settle time under its path.
        var utf8Name: String?

        var relativePath: String? { utf8Name.map { parent.isEmpty ? $0 : "\(parent)/\($0)" } }
    }

    /// Folders deeper than this are listed as entries, not descended into.
    package static let maximumDepth = 16

    package static func entries(in inbox: URL, under parent: String = "") -> [Entry] {
        let folderURL = parent.isEmpty ? inbox : inbox.appendingPathComponent(parent)
        guard let folder = try? ProjectFolder(folderURL, under: inbox.deletingLastPathComponent(), creating: false)
        else {
            return []
        }
        var result: [Entry] = []
        list(folder.descriptor, parent: parent, depth: parent.split(separator: "/").count, into: &result)
        return result
    }

    private static func list(_ descriptor: Int32, parent: String, depth: Int, into result: inout [Entry]) {
        let owned = dup(descriptor)
        guard owned >= 0, let directory = fdopendir(owned) else {
            if owned >= 0 { close(owned) }
            return
        }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            // Dot-entries are Syncthing's and editors' (ignored); they are never descended into.
            let utf8Name = String(validating: name, as: UTF8.self)
            var info = stat()
            let isFolder =
                name.first != 0x2E
                && (name + [0]).withUnsafeBufferPointer { raw in
                    raw.withMemoryRebound(to: CChar.self) {
                        fstatat(descriptor, $0.baseAddress!, &info, AT_SYMLINK_NOFOLLOW)
                    }
                } == 0 && info.st_mode & S_IFMT == S_IFDIR
            if isFolder, let utf8Name, depth < maximumDepth {
                let child = openat(descriptor, utf8Name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard child >= 0 else { continue }
                list(
                    child, parent: parent.isEmpty ? utf8Name : "\(parent)/\(utf8Name)", depth: depth + 1, into: &result)
                close(child)
            } else {
                result.append(Entry(parent: parent, name: name, utf8Name: utf8Name))
            }
        }
    }
}
