import Foundation

/// An input taken out of the inbox by `rename()` into the processing area, so two daemons or two
/// events never run it twice. Its processing name keeps where it came from:
/// `<unique>--<folder>--<name>`, so a restart can resume it even before its journal row exists.
struct ClaimedFile: Sendable, Equatable {
    /// Inbox-relative source path, e.g. `requests/a.yaml`.
    var source: String
    var processing: URL
    var settledAt: Date?

    var name: String { (source as NSString).lastPathComponent }
    /// The inbox folder it was dropped in (`requests`, `trends`, `analytics`), if any.
    var folder: String? {
        let first = source.split(separator: "/").first.map(String.init)
        return source.contains("/") ? first : nil
    }
    var displayName: String { "inbox/" + source }

    static let separator = "--"

    /// Moves `path` (inside `inbox`) into `processingArea`. Returns nil when the file is gone
    /// (another daemon or event took it first).
    static func claim(path: String, inbox: URL, processingArea: URL, settledAt: Date?) throws -> ClaimedFile? {
        let source = String(path.dropFirst(inbox.path.count + 1))
        let folder = source.contains("/") ? String(source.split(separator: "/")[0]) : "_"
        let unique = String(UUID().uuidString.prefix(8)).lowercased()
        let name = (source as NSString).lastPathComponent
        let destination = processingArea.appendingPathComponent("\(unique)\(separator)\(folder)\(separator)\(name)")
        if rename(path, destination.path) == 0 {
            return ClaimedFile(source: source, processing: destination, settledAt: settledAt)
        }
        switch errno {
        case ENOENT:
            return nil
        case EXDEV:
            // Another filesystem: claim atomically inside the inbox under a hidden name, then copy.
            // A kill in between leaves the hidden name; the next start gives it its name back.
            let hidden = (path as NSString).deletingLastPathComponent + "/\(abandonedPrefix)\(unique)-\(name)"
            guard rename(path, hidden) == 0 else { return nil }
            let partial = processingArea.appendingPathComponent(".partial-\(unique)")
            try FileManager.default.copyItem(atPath: hidden, toPath: partial.path)
            try FileManager.default.moveItem(at: partial, to: destination)
            try FileManager.default.removeItem(atPath: hidden)
            return ClaimedFile(source: source, processing: destination, settledAt: settledAt)
        default:
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }

    static let abandonedPrefix = ".reelsmith-claim-"

    /// Renames claims interrupted on their way to another filesystem back to their own names,
    /// so the scan takes them again. Called at start, before any claim of this run.
    static func releaseAbandonedClaims(in inbox: URL) {
        guard let enumerator = FileManager.default.enumerator(atPath: inbox.path) else { return }
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            guard name.hasPrefix(abandonedPrefix) else { continue }
            // `.reelsmith-claim-<8 hex>-<name>`
            let original = String(name.dropFirst(abandonedPrefix.count + 9))
            guard !original.isEmpty else { continue }
            let path = inbox.appendingPathComponent(relative).path
            let folder = (path as NSString).deletingLastPathComponent
            _ = rename(path, folder + "/" + original)
        }
    }

    /// Rebuilds a claim from a file left in the processing area by an earlier run.
    static func recovered(_ url: URL) -> ClaimedFile {
        let parts = url.lastPathComponent.components(separatedBy: separator)
        guard parts.count >= 3 else { return ClaimedFile(source: url.lastPathComponent, processing: url, settledAt: nil) }
        let folder = parts[1]
        let name = parts[2...].joined(separator: separator)
        return ClaimedFile(source: folder == "_" ? name : "\(folder)/\(name)", processing: url, settledAt: nil)
    }
}
