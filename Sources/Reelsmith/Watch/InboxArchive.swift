import Foundation

/// Where every input ends, exactly once (DESIGN §3): `outbox/archive/<path in the inbox>` when processed,
/// `outbox/failed/NAME` with a sibling `NAME.error.txt` (what, where, how to fix) when not.
struct InboxArchive: Sendable {
    let outbox: URL

    var archive: URL { outbox.appendingPathComponent("archive") }
    var failed: URL { outbox.appendingPathComponent("failed") }

    func archive(_ claim: ClaimedFile, problems: [String]) throws -> URL {
        let folder = archive.appendingPathComponent((claim.source as NSString).deletingLastPathComponent)
        let destination = try move(claim.processing, into: folder, name: claim.name)
        if !problems.isEmpty {
            let text = "\(claim.displayName) was processed, but some parts could not be used:\n\n"
                + problems.map { "- \($0)" }.joined(separator: "\n")
                + "\n\nFix those rows and drop the file into inbox/\(claim.folder ?? "") again; rows already applied are not counted twice.\n"
            try Data(text.utf8).write(to: URL(fileURLWithPath: destination.path + ".error.txt"), options: .atomic)
        }
        return destination
    }

    func fail(_ claim: ClaimedFile, explanation: String) throws -> URL {
        let destination = try move(claim.processing, into: failed, name: claim.name)
        let text = explanation + "\n\nThe file is kept here as it was. Fix it and drop it into inbox/\(claim.folder.map { "\($0)/" } ?? "") again.\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: destination.path + ".error.txt"), options: .atomic)
        return destination
    }

    /// A Syncthing conflict copy stays where it is; the user is told once what to do.
    func reportConflict(relativePath: String) throws {
        let name = (relativePath as NSString).lastPathComponent
        let report = failed.appendingPathComponent(name + ".error.txt")
        guard !FileManager.default.fileExists(atPath: report.path) else { return }
        try FileManager.default.createDirectory(at: failed, withIntermediateDirectories: true)
        let original = name.replacingOccurrences(of: #"\.sync-conflict-[^.]*"#, with: "", options: .regularExpression)
        let text = """
            inbox/\(relativePath): Syncthing conflict copy — not run.
            Two devices changed `\(original)` at the same time and Syncthing kept both versions.
            Compare the two, keep the one you want under the name `\(original)`, and delete the conflict copy.

            """
        try Data(text.utf8).write(to: report, options: .atomic)
    }

    /// Moves without overwriting: `a.yaml`, then `a-2.yaml`, `a-3.yaml`…
    private func move(_ source: URL, into folder: URL, name: String) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let base = (name as NSString).deletingPathExtension
        let ext = (name as NSString).pathExtension
        var destination = folder.appendingPathComponent(name)
        var counter = 2
        while FileManager.default.fileExists(atPath: destination.path) {
            destination = folder.appendingPathComponent(ext.isEmpty ? "\(base)-\(counter)" : "\(base)-\(counter).\(ext)")
            counter += 1
        }
        try FileManager.default.moveItem(at: source, to: destination)
        return destination
    }
}
