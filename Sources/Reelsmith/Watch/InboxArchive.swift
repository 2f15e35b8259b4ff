import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// Where every input ends, exactly once (DESIGN §3): `outbox/archive/<path in the inbox>` when processed,
/// `outbox/failed/NAME` with a sibling `NAME.error.txt` (what, where, how to fix) when not.
/// Every folder written into is checked to be a real folder inside the project, and every move
/// and write goes through its descriptor (``ProjectFolder``): a link put in place of
/// `outbox/failed` is refused, never written through (issue 12).
struct InboxArchive: Sendable {
    package let outbox: URL
    /// The daemon's processing area, where claimed files wait (in the state folder).
    package let processing: URL

    package var archive: URL { outbox.appendingPathComponent("archive") }
    package var failed: URL { outbox.appendingPathComponent("failed") }

    private func outboxFolder(_ relative: String) throws(UnsafeFolderError) -> ProjectFolder {
        try ProjectFolder(outbox, under: outbox.deletingLastPathComponent()).subfolder(relative)
    }

    private func processingFolder() throws(UnsafeFolderError) -> ProjectFolder {
        try ProjectFolder(
            processing, under: processing.deletingLastPathComponent().deletingLastPathComponent(), creating: false)
    }

    /// `note` (a duplicate's explanation) is written beside the archived file as `NAME.note.txt`.
    package func archive(_ claim: ClaimedFile, problems: [String], note: String? = nil) throws -> URL {
        let folder = try outboxFolder("archive/" + (claim.source as NSString).deletingLastPathComponent)
        let destination = try move(claim, into: folder)
        if let note { try folder.write(Data((note + "\n").utf8), as: destination.lastPathComponent + ".note.txt") }
        if !problems.isEmpty {
            let text =
                "\(claim.displayName) was processed, but some parts could not be used:\n\n"
                + RowProblem.listing(problems)
                + "\n\nFix those rows and drop the file into inbox/\(claim.folder ?? "") again; rows already applied are not counted twice.\n"
            try folder.write(Data(text.utf8), as: destination.lastPathComponent + ".error.txt")
        }
        return destination
    }

    package func fail(_ claim: ClaimedFile, explanation: String) throws -> URL {
        let folder = try outboxFolder("failed")
        let destination = try move(claim, into: folder)
        let text =
            explanation
            + "\n\nThe file is kept here as it was. Fix it and drop it into inbox/\(claim.folder.map { "\($0)/" } ?? "") again.\n"
        try folder.write(Data(text.utf8), as: destination.lastPathComponent + ".error.txt")
        return destination
    }

    /// A Syncthing conflict copy stays where it is; the user is told once what to do.
    func reportConflict(relativePath: String) throws {
        let name = Self.storedName((relativePath as NSString).lastPathComponent)
        let folder = try outboxFolder("failed")
        guard !folder.contains(name + ".error.txt") else { return }
        let original = name.replacingOccurrences(of: #"\.sync-conflict-[^.]*"#, with: "", options: .regularExpression)
        let text = """
            inbox/\(relativePath): Syncthing conflict copy — not run.
            Two devices changed `\(original)` at the same time and Syncthing kept both versions.
            Compare the two, keep the one you want under the name `\(original)`, and delete the conflict copy.

            """
        try folder.write(Data(text.utf8), as: name + ".error.txt")
    }

    /// Moves without overwriting: `a.yaml`, then `a-2.yaml`, `a-3.yaml`…
    private func move(_ claim: ClaimedFile, into folder: ProjectFolder) throws -> URL {
        let name = Self.storedName(claim.name)
        let base = (name as NSString).deletingPathExtension
        let ext = (name as NSString).pathExtension
        var candidate = name
        var counter = 2
        while folder.contains(candidate) || folder.contains(candidate + ".error.txt") {
            candidate = ext.isEmpty ? "\(base)-\(counter)" : "\(base)-\(counter).\(ext)"
            counter += 1
        }
        let processing = try processingFolder()
        try folder.moveIn(claim.processing.lastPathComponent, from: processing, as: candidate)
        if let note = ClaimedFile.sourceNoteName(processingName: claim.processing.lastPathComponent) {
            unlinkat(processing.descriptor, note, 0)
        }
        return folder.url.appendingPathComponent(candidate)
    }

    /// Room for `-NNN` and `.error.txt` within the 255 bytes a file name may hold: a longer name is
    /// cut (at a character) before its extension and marked with `…`.
    static func storedName(_ name: String) -> String {
        let limit = 255 - ".error.txt".utf8.count - "-999".utf8.count
        guard name.utf8.count > limit else { return name }
        var ext = (name as NSString).pathExtension
        if ext.utf8.count > 16 { ext = "" }
        var base = ext.isEmpty ? name : (name as NSString).deletingPathExtension
        let room = limit - "…".utf8.count - (ext.isEmpty ? 0 : ext.utf8.count + 1)
        while base.utf8.count > room { base.removeLast() }
        return base + "…" + (ext.isEmpty ? "" : "." + ext)
    }
}
