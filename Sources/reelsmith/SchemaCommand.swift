import ArgumentParser
import Foundation
import Reelsmith
import ReelsmithCLI
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract:
            "Print or write the JSON Schemas (draft 2020-12) of requests, trends, analytics YAML and reelsmith.yaml.",
        discussion:
            "Editors with yaml-language-server (VS Code's YAML extension, Neovim, Helix, Zed, JetBrains) use them to complete keys, show each key's range and default, and underline mistakes. The project's niches and music are offered as suggestions. `reelsmith init` writes them under .reelsmith/schema/."
    )

    @Argument(help: "Which schema: request, trends, analytics or config (default: all, with --out).")
    var which: InputSchema?

    @Option(name: .long, help: "Write <name>.schema.json files into this folder instead of printing.")
    var out: String?

    @Option(name: .long, help: "The templates folder whose niches and music are suggested (default: ./templates).")
    var templates: String = "templates"

    func validate() throws {
        if which == nil, out == nil {
            throw ValidationError(
                "name a schema to print (`reelsmith schema request`), or write them all with `--out DIR`")
        }
    }

    func run() throws {
        let suggestions = SchemaSuggestions.from(templates: URL(fileURLWithPath: templates))
        let schemas = which.map { [$0] } ?? InputSchema.allCases
        guard let out else {
            FileHandle.standardOutput.write(try schemas[0].json(suggestions: suggestions))
            return
        }
        let folder = URL(fileURLWithPath: out).standardizedFileURL
        for file in try EditorSetup(suggestions: suggestions).writeSchemas(schemas, into: folder) { print(file.path) }
    }
}

extension InputSchema: ExpressibleByArgument {}
