import Foundation

/// What `reelsmith init` and `reelsmith schema` write for editors (issue 13): the JSON Schemas
/// under `.reelsmith/schema/`, and a `.vscode/settings.json` mapping the inbox folders and
/// `reelsmith.yaml` to them through the Red Hat YAML extension's `yaml.schemas` setting.
package struct EditorSetup: Sendable {
    /// Where the schemas go, from the project folder.
    package static let schemaFolder = ".reelsmith/schema"
    package static let settingsFile = ".vscode/settings.json"

    package let suggestions: SchemaSuggestions

    package init(suggestions: SchemaSuggestions) {
        self.suggestions = suggestions
    }

    /// Writes (or rewrites: they are generated) the schemas into `folder`, which must be a real
    /// folder under `anchor` (created when missing, never through a link).
    /// - Returns: the files written.
    @discardableResult
    package func writeSchemas(
        _ schemas: [InputSchema] = InputSchema.allCases, into folder: URL, under anchor: URL? = nil
    ) throws -> [URL] {
        // A folder the user named is trusted as it is; one inside a project is opened from the project.
        if anchor == nil { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        let target = try ProjectFolder(folder, under: anchor ?? folder)
        return try schemas.map { schema in
            try target.write(try schema.json(suggestions: suggestions), as: schema.fileName)
        }
    }

    /// `yaml.schemas` for a project: schema path (from the project folder) → the files it checks.
    package static var yamlSchemas: JSONValue {
        .object(
            Dictionary(
                uniqueKeysWithValues: InputSchema.allCases.map {
                    ("./\(schemaFolder)/\($0.fileName)", JSONValue.array($0.globs.map(JSONValue.string)))
                }))
    }

    /// The `.vscode/settings.json` text `reelsmith init` writes when there is none.
    package static func vscodeSettings() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(JSONValue.object(["yaml.schemas": yamlSchemas])) + Data("\n".utf8)
    }

    /// The schemas under `.reelsmith/schema/` (rewritten when the project's templates changed
    /// their suggestions) and `.vscode/settings.json`: written when missing; when it holds the
    /// user's own settings, `yaml.schemas` is added in place (their text, comments and order kept)
    /// unless it already has one (see ``settingsNote(in:)``).
    /// - Returns: the paths written, relative to `project`.
    package func install(in project: URL) throws -> [String] {
        let folder = project.appendingPathComponent(Self.schemaFolder)
        let changed = try InputSchema.allCases.filter { schema in
            (try? Data(contentsOf: folder.appendingPathComponent(schema.fileName)))
                != (try schema.json(suggestions: suggestions))
        }
        var written = try writeSchemas(changed, into: folder, under: project).map {
            "\(Self.schemaFolder)/\($0.lastPathComponent)"
        }
        let settings = project.appendingPathComponent(Self.settingsFile)
        let settingsFolder = { try ProjectFolder(settings.deletingLastPathComponent(), under: project) }
        if !FileManager.default.fileExists(atPath: settings.path) {
            try settingsFolder().write(try Self.vscodeSettings(), as: settings.lastPathComponent)
            written.append(Self.settingsFile)
        } else if let text = try? String(contentsOf: settings, encoding: .utf8), let merged = try Self.adding(to: text)
        {
            try settingsFolder().write(Data(merged.utf8), as: settings.lastPathComponent)
            written.append(Self.settingsFile)
        }
        return written
    }

    /// What to tell the user when `.vscode/settings.json` exists without the project's schemas and
    /// could not be completed (it has its own `yaml.schemas`, or is not a JSON object); nil when
    /// the editor is set up.
    package static func settingsNote(in project: URL) -> String? {
        let settings = project.appendingPathComponent(settingsFile)
        guard let text = try? String(contentsOf: settings, encoding: .utf8), !mapsEverySchema(text) else { return nil }
        let block = (try? vscodeSettings()).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return "\(settingsFile) has settings of its own that Reelsmith did not change; "
            + "for completion and checking in VS Code, merge this into it:\n\(block)"
    }

    private static func mapsEverySchema(_ text: String) -> Bool {
        InputSchema.allCases.allSatisfy { text.contains("\(schemaFolder)/\($0.fileName)") }
    }

    /// The user's settings with `yaml.schemas` inserted as the first key, their text otherwise
    /// untouched (VS Code's settings are JSON with comments); nil when there is nothing to add or
    /// it cannot be added safely (a `yaml.schemas` of their own, or not an object).
    package static func adding(to text: String) throws -> String? {
        guard !mapsEverySchema(text), !text.contains("\"yaml.schemas\"") else { return nil }
        let characters = Array(text)
        /// The index of the next character that is not blank or inside a comment.
        func significant(from start: Int) -> Int? {
            var index = start
            while index < characters.count {
                if characters[index].isWhitespace {
                    index += 1
                } else if characters[index] == "/", index + 1 < characters.count, characters[index + 1] == "/" {
                    while index < characters.count, characters[index] != "\n" { index += 1 }
                } else if characters[index] == "/", index + 1 < characters.count, characters[index + 1] == "*" {
                    index += 2
                    while index + 1 < characters.count, !(characters[index] == "*" && characters[index + 1] == "/") {
                        index += 1
                    }
                    index += 2
                } else {
                    return index
                }
            }
            return nil
        }
        guard let open = significant(from: 0), characters[open] == "{", let next = significant(from: open + 1) else {
            return nil
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let value = String(decoding: try encoder.encode(yamlSchemas), as: UTF8.self)
            .replacingOccurrences(of: "\n", with: "\n  ")
        let entry = "\n  \"yaml.schemas\": \(value)" + (characters[next] == "}" ? "\n" : ",")
        let merged = String(characters[...open]) + entry + String(characters[(open + 1)...])
        // A file that was plain JSON must still be.
        if (try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil {
            guard (try? JSONSerialization.jsonObject(with: Data(merged.utf8))) != nil else { return nil }
        }
        return merged
    }
}
