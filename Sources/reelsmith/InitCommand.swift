import ArgumentParser
import Foundation
import Reelsmith
import ReelsmithCLI
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract:
            "Create a project folder: inbox/ with an example of each input, outbox/, templates/, editor schemas and .stignore.",
        discussion:
            "Nothing that exists is overwritten (the schemas under .reelsmith/schema/ are regenerated). .vscode/settings.json maps inbox/requests/*.yaml and the others to their schemas for the Red Hat YAML extension. In a Syncthing folder, the .stignore lines keep the live learning index out of the sync."
    )

    @Argument(help: "The folder to create or complete.")
    var folder: String

    @Option(
        name: .long,
        help:
            "A folder holding templates/ and inbox/ to copy from (default: the checkout this binary was built in, or the data installed with it, /usr/share/reelsmith)."
    )
    var from: String?

    func run() throws {
        let executable = URL(fileURLWithPath: "/proc/self/exe")
        guard
            let source = from.map({ URL(fileURLWithPath: $0) })
                ?? ProjectInitializer.defaultSource(containing: executable)
        else {
            throw ValidationError(
                "cannot find the templates to copy (no checkout around this binary and no ../share/reelsmith beside it) — pass a Reelsmith checkout with --from DIR"
            )
        }
        let project = URL(fileURLWithPath: folder).standardizedFileURL
        let created = try ProjectInitializer(source: source).create(at: project)
        print(created.isEmpty ? "\(project.path): already complete" : "\(project.path):")
        for path in created { print("  + \(path)") }
        if let note = EditorSetup.settingsNote(in: project) { print("note: \(note)") }
    }
}
