import Foundation

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

/// Checks documents against the generated schemas with Python's `jsonschema` (draft 2020-12), a
/// validator nobody here wrote (scripts/validate-schemas.py; `scripts/install-dependencies.sh`
/// installs it).
enum SchemaValidator {
    static let script = TestSupport.packageRoot.appendingPathComponent("scripts/validate-schemas.py")

    struct Verdict: Decodable {
        struct Problem: Decodable {
            var path: [String]
            var message: String
        }
        var file: String
        var valid: Bool
        var errors: [Problem]
    }

    /// The four schemas, with the checkout's niches and music as suggestions, in a fresh folder.
    static func writeSchemas() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reelsmith-schemas-\(UUID().uuidString.prefix(8))")
        try EditorSetup(suggestions: .from(templates: TestSupport.templates)).writeSchemas(into: folder)
        return folder
    }

    static func schemaFile(_ schema: InputSchema, in folder: URL) -> URL {
        folder.appendingPathComponent(schema.fileName)
    }

    /// One verdict per file, by path.
    static func validate(_ files: [URL], against schema: URL) throws -> [String: Verdict] {
        try run([schema.path] + files.map(\.path))
    }

    static func checkMetaSchema(_ schemas: [URL]) throws -> [String: Verdict] {
        try run(["--meta"] + schemas.map(\.path))
    }

    /// Writes each text as a YAML file in a fresh folder, validates them all in one run, and
    /// returns the verdicts in the texts' order.
    static func validate(texts: [String], against schema: URL) throws -> [Verdict] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reelsmith-documents-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try texts.enumerated().map { offset, text in
            let file = folder.appendingPathComponent("\(offset).yaml")
            try Data(text.utf8).write(to: file)
            return file
        }
        let verdicts = try validate(files, against: schema)
        return files.map {
            verdicts[$0.path] ?? Verdict(file: $0.path, valid: false, errors: [.init(path: [], message: "not checked")])
        }
    }

    private static func run(_ arguments: [String]) throws -> [String: Verdict] {
        let result = try TestSupport.run("python3", [script.path] + arguments)
        guard result.status == 0 else {
            throw ExternalToolError(tool: "validate-schemas.py", status: result.status, stderrTail: result.stderr)
        }
        var verdicts: [String: Verdict] = [:]
        for line in result.stdout.split(separator: "\n") {
            let verdict = try JSONDecoder().decode(Verdict.self, from: Data(line.utf8))
            verdicts[verdict.file] = verdict
        }
        return verdicts
    }
}
