import ArgumentParser
import Foundation
import Reelsmith
import ReelsmithCLI
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check request, trends, analytics or settings files without running anything.",
        discussion:
            "Prints the same file:line:column messages as `reelsmith process` and the daemon, with the same checks (music under templates/music/, espeak-ng voices, the providers of reelsmith.yaml). --json prints them as Language Server Protocol diagnostics, for an editor task or a pre-commit hook. The exit code is 1 when any file has an error."
    )

    @OptionGroup var options: WorkspaceOptions

    @Flag(name: .long, help: "Print [{file, uri, kind, diagnostics: [LSP Diagnostic]}] as JSON on stdout.")
    var json = false

    @Argument(help: "Files to check, e.g. inbox/requests/mine.yaml or reelsmith.yaml.")
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else {
            throw ValidationError("give at least one file, e.g. `reelsmith check inbox/requests/mine.yaml`")
        }
    }

    struct FileReport: Encodable {
        var file: String
        var uri: String
        var kind: String?
        var diagnostics: [EditorDiagnostic]
    }

    func run() throws {
        let configuration: Configuration
        do {
            configuration = try options.configuration()
        } catch let error as InputError where !files.contains(where: { $0.hasSuffix(Configuration.fileName) }) {
            // The settings are broken: say so, as `process` would, before any file.
            Terminal.error("\(error)")
            throw ExitCode(1)
        } catch is InputError {
            configuration = Configuration()
        }
        let check = FileCheck(workspace: options.workspace, configuration: configuration)
        var reports: [FileReport] = []
        for path in files {
            let result = check.check(file: URL(fileURLWithPath: path), displayName: path)
            reports.append(
                FileReport(
                    file: path, uri: URL(fileURLWithPath: path).standardizedFileURL.absoluteString, kind: result.kind,
                    diagnostics: result.diagnostics))
            guard !json else { continue }
            if result.diagnostics.isEmpty { print("\(path): ok (\(result.kind ?? "file"))") }
            for diagnostic in result.diagnostics {
                if diagnostic.severity == .error {
                    Terminal.error(diagnostic.text)
                } else {
                    Terminal.warning(diagnostic.text)
                }
            }
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            FileHandle.standardOutput.write(try encoder.encode(reports) + Data("\n".utf8))
        }
        if reports.contains(where: { $0.diagnostics.contains { $0.severity == .error } }) { throw ExitCode(1) }
    }
}
