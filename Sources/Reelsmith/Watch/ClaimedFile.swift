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

/// An input taken out of the inbox by `rename()` into the processing area, so two daemons or two
/// events never run it twice. Its processing name keeps where it came from,
/// `<unique>--<folder>--<name>`, so a restart can resume it even before its journal row exists.
/// A name that would not fit in 255 bytes that way, or that is not UTF-8, is claimed under
/// `<unique>--<folder>--~` with its inbox path kept in a note `.<unique>.source` beside it (issue 12).
struct ClaimedFile: Sendable, Equatable {
    /// Inbox-relative source path, e.g. `requests/a.yaml`; bytes that are not UTF-8 appear as `\xE9`.
    package var source: String
    package var processing: URL
    package var settledAt: Date?
    /// The name in the inbox was not UTF-8: the file is refused with its escaped name.
    var hasInvalidName = false

    package var name: String { (source as NSString).lastPathComponent }
    /// The inbox folder it was dropped in (`requests`, `trends`, `analytics`), if any.
    package var folder: String? {
        let first = source.split(separator: "/").first.map(String.init)
        return source.contains("/") ? first : nil
    }
    package var displayName: String { "inbox/" + source }

    package static let separator = "--"

    /// Moves the entry `name` of the inbox folder `parent` (inbox-relative, "" for the inbox
    /// itself) into `processingArea`. Both folders are opened without following links. Returns nil
    /// when the file is gone (another daemon or event took it first).
    package static func claim(
        parent: String, name: [UInt8], inbox: URL, processingArea: URL, settledAt: Date?
    ) throws -> ClaimedFile? {
        let project = inbox.deletingLastPathComponent()
        let sourceFolder = try ProjectFolder(
            parent.isEmpty ? inbox : inbox.appendingPathComponent(parent), under: project, creating: false)
        let processing = try ProjectFolder(
            processingArea, under: processingArea.deletingLastPathComponent().deletingLastPathComponent())
        let utf8Name = String(validating: name, as: UTF8.self)
        let shownName = displayName(of: name)
        let source = parent.isEmpty ? shownName : "\(parent)/\(shownName)"
        let folder = parent.isEmpty ? "_" : String(parent.split(separator: "/")[0])
        let unique = String(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12)).lowercased()
        var processingName = "\(unique)\(separator)\(folder)\(separator)\(utf8Name ?? "")"
        if utf8Name == nil || processingName.utf8.count > 255 || folder.utf8.count > 200 {
            processingName = "\(unique)\(separator)~"
            let note = (utf8Name == nil ? invalidNameMark + "\n" : "") + source
            try processing.write(Data(note.utf8), as: sourceNoteName(unique: unique))
        }
        let rawName = name + [0]
        let moved = rawName.withUnsafeBufferPointer { raw in
            raw.withMemoryRebound(to: CChar.self) {
                renameat(sourceFolder.descriptor, $0.baseAddress!, processing.descriptor, processingName)
            }
        }
        let destination = processingArea.appendingPathComponent(processingName)
        if moved == 0 {
            return ClaimedFile(
                source: source, processing: destination, settledAt: settledAt, hasInvalidName: utf8Name == nil)
        }
        let code = errno
        unlinkat(processing.descriptor, sourceNoteName(unique: unique), 0)
        switch code {
        case ENOENT:
            return nil
        case EXDEV:
            guard let utf8Name else { return nil }
            return try claimAcrossFilesystems(
                name: utf8Name, in: sourceFolder, source: source, unique: unique, processing: processing,
                processingName: processingName, settledAt: settledAt)
        default:
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: source])
        }
    }

    /// Another filesystem: claim atomically inside the inbox under a hidden name, then copy. A
    /// kill in between leaves the hidden name; the next start gives it its name back. Only a
    /// regular file is copied (a link or pipe is never read this way).
    private static func claimAcrossFilesystems(
        name: String, in folder: ProjectFolder, source: String, unique: String, processing: ProjectFolder,
        processingName: String, settledAt: Date?
    ) throws -> ClaimedFile? {
        var info = stat()
        guard fstatat(folder.descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFREG else {
            return nil
        }
        let hidden = "\(abandonedPrefix)\(unique.prefix(8))-\(name)"
        guard (try? folder.moveIn(name, from: folder, as: hidden)) != nil else { return nil }
        let data = try InputFile.read(folder.url.appendingPathComponent(hidden), displayName: source)
        try processing.write(data, as: processingName)
        unlinkat(folder.descriptor, hidden, 0)
        return ClaimedFile(
            source: source, processing: processing.url.appendingPathComponent(processingName), settledAt: settledAt)
    }

    static let abandonedPrefix = ".reelsmith-claim-"
    private static let invalidNameMark = "name-not-utf8"

    /// The note that keeps the inbox path of a file claimed under a short name.
    static func sourceNoteName(unique: String) -> String { ".\(unique).source" }

    static func sourceNoteName(processingName: String) -> String? {
        guard processingName.hasSuffix("\(separator)~"),
            let unique = processingName.components(separatedBy: separator).first
        else { return nil }
        return sourceNoteName(unique: unique)
    }

    /// A name as messages show it: UTF-8 as it is, any other byte as `\xE9`, control characters escaped.
    package static func displayName(of name: [UInt8]) -> String { Excerpt.quote(bytes: name, limit: nil) }

    /// Renames claims interrupted on their way to another filesystem back to their own names,
    /// so the scan takes them again. Called at start, before any claim of this run. Listed and
    /// renamed without following links: a linked folder cannot make it rename files elsewhere.
    static func releaseAbandonedClaims(in inbox: URL) {
        let project = inbox.deletingLastPathComponent()
        for entry in InboxScanner.entries(in: inbox) {
            guard let name = entry.utf8Name, name.hasPrefix(abandonedPrefix) else { continue }
            // `.reelsmith-claim-<8 hex>-<name>`
            let original = String(name.dropFirst(abandonedPrefix.count + 9))
            guard !original.isEmpty,
                let folder = try? ProjectFolder(
                    entry.parent.isEmpty ? inbox : inbox.appendingPathComponent(entry.parent), under: project,
                    creating: false)
            else { continue }
            try? folder.moveIn(name, from: folder, as: original)
        }
    }

    /// Rebuilds a claim from a file left in the processing area by an earlier run.
    static func recovered(_ url: URL) -> ClaimedFile {
        let processingName = url.lastPathComponent
        if let noteName = sourceNoteName(processingName: processingName),
            let note = try? InputFile.read(
                url.deletingLastPathComponent().appendingPathComponent(noteName), displayName: noteName)
        {
            var lines = String(decoding: note, as: UTF8.self).components(separatedBy: "\n")
            let isInvalid = lines.first == invalidNameMark
            if isInvalid { lines.removeFirst() }
            return ClaimedFile(
                source: lines.joined(separator: "\n"), processing: url, settledAt: nil, hasInvalidName: isInvalid)
        }
        let parts = processingName.components(separatedBy: separator)
        guard parts.count >= 3 else { return ClaimedFile(source: processingName, processing: url, settledAt: nil) }
        let folder = parts[1]
        let name = parts[2...].joined(separator: separator)
        return ClaimedFile(source: folder == "_" ? name : "\(folder)/\(name)", processing: url, settledAt: nil)
    }
}
