import Foundation

/// What `reelsmith init` and `reelsmith schema` write for editors (issue 13): the JSON Schemas
/// under `.reelsmith/schema/`, and a `.vscode/settings.json` mapping the inbox folders and
/// `reelsmith.yaml` to them through the Red Hat YAML extension's `yaml.schemas` setting.
public struct EditorSetup: Sendable {
    /// Where the schemas go, from the project folder.
    public static let schemaFolder = ".reelsmith/schema"
    public static let settingsFile = ".vscode/settings.json"

    public let suggestions: SchemaSuggestions

    public init(suggestions: SchemaSuggestions) {
        self.suggestions = suggestions
    }

    /// Writes (or rewrites: they are generated) the schemas into `folder`, which must be a real
    /// folder under `anchor` (created when missing, never through a link).
    /// - Returns: the files written.
    @discardableResult
    public func writeSchemas(
        _ schemas: [InputSchema] = InputSchema.allCases, into folder: URL, under anchor: URL? = nil
    ) throws -> [URL] {
        // A folder the user named is trusted as it is; one inside a project is opened from the project.
        if anchor == nil { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        let target = try ProjectFolder(folder, under: anchor ?? folder)
        return try schemas.map { schema in try target.write(try schema.json(suggestions: suggestions), as: schema.fileName) }
    }

    /// `yaml.schemas` for a project: schema path (from the project folder) → the files it checks.
    public static var yamlSchemas: JSONValue {
        .object(
            Dictionary(
                uniqueKeysWithValues: InputSchema.allCases.map {
                    ("./\(schemaFolder)/\($0.fileName)", JSONValue.array($0.globs.map(JSONValue.string)))
                }))
    }

    /// The `.vscode/settings.json` text `reelsmith init` writes when there is none.
    public static func vscodeSettings() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(JSONValue.object(["yaml.schemas": yamlSchemas])) + Data("\n".utf8)
    }

    /// The schemas under `.reelsmith/schema/` (rewritten when the project's templates changed
    /// their suggestions) and `.vscode/settings.json` (only when missing: it may hold the user's
    /// own settings).
    /// - Returns: the paths written, relative to `project`.
    public func install(in project: URL) throws -> [String] {
        let folder = project.appendingPathComponent(Self.schemaFolder)
        let changed = try InputSchema.allCases.filter { schema in
            (try? Data(contentsOf: folder.appendingPathComponent(schema.fileName))) != (try schema.json(suggestions: suggestions))
        }
        var written = try writeSchemas(changed, into: folder, under: project).map {
            "\(Self.schemaFolder)/\($0.lastPathComponent)"
        }
        let settings = project.appendingPathComponent(Self.settingsFile)
        if !FileManager.default.fileExists(atPath: settings.path) {
            try ProjectFolder(settings.deletingLastPathComponent(), under: project).write(
                try Self.vscodeSettings(), as: settings.lastPathComponent)
            written.append(Self.settingsFile)
        }
        return written
    }
}
