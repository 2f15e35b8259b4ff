import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// `reelsmith init DIR`: a fresh project folder — inbox (with an example of each input), outbox,
/// templates, the editor schemas (``EditorSetup``) — and the `.stignore` lines that keep Syncthing away from the live state (DESIGN §5).
package struct ProjectInitializer: Sendable {
    /// A folder holding `templates/` and `inbox/` to copy from (the Reelsmith checkout).
    package let source: URL

    package init(source: URL) {
        self.source = source
    }

    /// The checkout the running executable was built in (`…/.build/<config>/reelsmith`), found by
    /// walking up to a folder with `templates/scripts`.
    package static func checkout(containing executable: URL) -> URL? {
        var folder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("templates/scripts").path) {
                return folder
            }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    /// The data an installed binary ships: `<prefix>/share/reelsmith` beside `<prefix>/bin/reelsmith`
    /// (the Debian package's `/usr/share/reelsmith`, or `/usr/local/share/reelsmith`).
    package static func installedData(containing executable: URL) -> URL? {
        let data = executable.resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/reelsmith")
        let scripts = data.appendingPathComponent("templates/scripts").path
        return FileManager.default.fileExists(atPath: scripts) ? data : nil
    }

    /// Where `init` copies from when no folder is given: the checkout the binary was built in, else
    /// the data installed beside it.
    package static func defaultSource(containing executable: URL) -> URL? {
        checkout(containing: executable) ?? installedData(containing: executable)
    }

    static let stignoreLines = [
        "// Reelsmith: the learning index (a live SQLite file) and staging must never be synced",
        ".reelsmith",
        ".partial-*",
        "// Reelsmith: the settings say where API keys are sent; a synced device must not change that",
        "/reelsmith.yaml",
    ]

    /// Creates what is missing in `project`; never overwrites a file that is there.
    /// - Returns: the paths created, relative to `project`.
    @discardableResult
    package func create(at project: URL) throws -> [String] {
        let files = FileManager.default
        var created: [String] = []
        for folder in InputKind.allCases.map({ "inbox/\($0.folder)" }) + ["outbox/videos", "outbox/reports"] {
            let url = project.appendingPathComponent(folder)
            if !files.fileExists(atPath: url.path) {
                try files.createDirectory(at: url, withIntermediateDirectories: true)
                created.append(folder + "/")
            }
        }
        let templates = project.appendingPathComponent("templates")
        if !files.fileExists(atPath: templates.path) {
            try Self.copyTree(source.appendingPathComponent("templates"), to: templates)
            created.append("templates/")
        }
        for kind in InputKind.allCases {
            let examples = source.appendingPathComponent("inbox/\(kind.folder)")
            // example-analytics.csv reports numbers for example-en.yaml's video: dropped together
            // into a watched inbox it would run before that video exists, so it is left out.
            for name in (try? files.contentsOfDirectory(atPath: examples.path))?.sorted() ?? []
            where name.hasPrefix("example") && name != "example-analytics.csv" {
                let destination = project.appendingPathComponent("inbox/\(kind.folder)/\(name)")
                guard !files.fileExists(atPath: destination.path) else { continue }
                try Self.copyTree(examples.appendingPathComponent(name), to: destination)
                created.append("inbox/\(kind.folder)/\(name)")
            }
        }
        let stignore = project.appendingPathComponent(".stignore")
        let existing = (try? String(contentsOf: stignore, encoding: .utf8)) ?? ""
        let missing = Self.stignoreLines.dropFirst().filter { line in
            !existing.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == line }
        }
        if !missing.isEmpty {
            let block = ([Self.stignoreLines[0]] + missing).joined(separator: "\n") + "\n"
            let text = existing.isEmpty || existing.hasSuffix("\n") ? existing + block : existing + "\n" + block
            try Data(text.utf8).write(to: stignore, options: .atomic)
            created.append(".stignore")
        }
        // Editors complete and check the YAML files against their schemas (issue 13).
        created += try EditorSetup(suggestions: .from(templates: templates)).install(in: project)
        return created
    }

    /// Copies a file or a folder's tree as new files of the user running `init`: contents only, so
    /// the copies are the creator's to edit (mode 0644, folders 0755) whoever owns the source —
    /// `FileManager.copyItem` carries the owner and mode over, which fails for a non-root user
    /// copying the installed `/usr/share/reelsmith` (root-owned) and would keep read-only modes.
    static func copyTree(_ source: URL, to destination: URL) throws {
        let files = FileManager.default
        let values = try source.resourceValues(forKeys: [.isDirectoryKey, .isSymbolicLinkKey])
        if values.isSymbolicLink == true { return }
        if values.isDirectory == true {
            try files.createDirectory(
                at: destination, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
            for name in try files.contentsOfDirectory(atPath: source.path).sorted() {
                try copyTree(source.appendingPathComponent(name), to: destination.appendingPathComponent(name))
            }
        } else {
            let data = try Data(contentsOf: source)
            guard files.createFile(atPath: destination.path, contents: data, attributes: [.posixPermissions: 0o644])
            else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination.path])
            }
        }
    }
}
