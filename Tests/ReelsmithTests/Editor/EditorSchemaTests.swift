import Foundation
import Testing

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

/// The JSON Schemas against the decoders (issue 13), checked by Python's `jsonschema`.
@Suite struct EditorSchemaTests {
    static let formats: [InputSchema] = InputSchema.allCases

    @Test func theSchemasAreValidDraft202012() throws {
        let folder = try SchemaValidator.writeSchemas()
        let verdicts = try SchemaValidator.checkMetaSchema(
            Self.formats.map { SchemaValidator.schemaFile($0, in: folder) })
        #expect(verdicts.count == 4)
        for (file, verdict) in verdicts { #expect(verdict.valid, "\(file): \(verdict.errors.map(\.message))") }
        let request = try JSONDecoder().decode(
            JSONValue.self, from: Data(contentsOf: SchemaValidator.schemaFile(.request, in: folder)))
        #expect(request["$schema"] == .string("https://json-schema.org/draft/2020-12/schema"))
        // Each key says what it is, its range, its default and an example.
        let duration = request["properties"]?["duration"]
        #expect(
            duration?["minimum"] == .number(15) && duration?["maximum"] == .number(180)
                && duration?["default"] == .number(45))
        #expect(duration?["description"]?.stringValue?.contains("15…180") == true)
        #expect(duration?["examples"] == .array([.number(45)]))
        // Niches, voices and music are offered, not imposed: the project's names, and any text.
        let niche = request["properties"]?["niche"]
        #expect(niche?["examples"].map { "\($0)" }?.contains("fitness") == true)
        guard case .array(let alternatives)? = niche?["anyOf"] else {
            Issue.record("niche has no alternatives")
            return
        }
        #expect(alternatives.contains { $0["enum"]?.text.contains("cooking") == true })
        #expect(alternatives.contains { $0["type"] == .string("string") })
    }

    @Test func everyBundledExampleAndEveryAcceptedFixtureValidates() throws {
        let folder = try SchemaValidator.writeSchemas()
        let root = TestSupport.packageRoot
        let examples: [(InputSchema, [URL])] = [
            (
                .request,
                ["inbox/requests/example-en.yaml", "inbox/requests/example-fr.yaml"].map(root.appendingPathComponent)
            ),
            (.trends, [root.appendingPathComponent("inbox/trends/example-trends.yaml")]),
        ]
        for (schema, files) in examples {
            for file in files {
                let text = try String(contentsOf: file, encoding: .utf8)
                #expect(FieldDocuments.decoderError(schema, text: text) == nil, "\(file.lastPathComponent)")
                #expect(text.hasPrefix("# yaml-language-server: $schema=../../.reelsmith/schema/\(schema.fileName)\n"))
            }
            for (file, verdict) in try SchemaValidator.validate(
                files, against: SchemaValidator.schemaFile(schema, in: folder))
            {
                #expect(verdict.valid, "\(file): \(verdict.errors.map(\.message))")
            }
        }
    }

    /// The fixtures a validator can read (not the unreadable, empty or non-UTF-8 ones), by format.
    static func fixtures() throws -> [(InputSchema, URL)] {
        let folders: [(InputSchema, String)] = [(.request, "requests"), (.trends, "trends"), (.analytics, "analytics")]
        return try folders.flatMap { schema, folder in
            try FileManager.default.contentsOfDirectory(atPath: TestSupport.fixture(folder).path).sorted()
                .filter { $0.hasSuffix(".yaml") }
                .map { (schema, TestSupport.fixture("\(folder)/\($0)")) }
        }
    }

    /// Refused for what the project holds, which a schema cannot know: a music file that is not
    /// under templates/music/, a voice espeak-ng does not have.
    static let refusedForTheProject: Set<String> = ["unknown-music.yaml", "unknown-voice.yaml"]

    @Test func theSchemaAcceptsWhatTheDecoderAcceptsAndRefusesItsShapeMistakes() throws {
        let folder = try SchemaValidator.writeSchemas()
        var checked: [(InputSchema, URL, InputError?)] = []
        for (schema, file) in try Self.fixtures() {
            let error = FieldDocuments.decoderError(
                schema, data: try Data(contentsOf: file), voiceExists: SpeechSynthesizer.shared.hasVoice)
            switch error?.reason {
            // Not YAML a validator reads.
            case .syntax?, .emptyFile?, .notUTF8?, .notText?, .tooComplex?, .notAMapping?: continue
            default: checked.append((schema, file, error))
            }
        }
        #expect(checked.filter { $0.2 == nil }.count >= 1, "an accepted fixture")
        #expect(checked.filter { $0.2 != nil }.count >= 10, "the bad fixtures")
        for schema in Self.formats {
            let files = checked.filter { $0.0 == schema }
            guard !files.isEmpty else { continue }
            let verdicts = try SchemaValidator.validate(
                files.map(\.1), against: SchemaValidator.schemaFile(schema, in: folder))
            for (_, file, error) in files {
                let verdict = try #require(verdicts[file.path])
                if error == nil || Self.refusedForTheProject.contains(file.lastPathComponent) {
                    #expect(
                        verdict.valid,
                        "\(file.lastPathComponent) is accepted by the decoder: \(verdict.errors.map(\.message))")
                } else {
                    #expect(
                        !verdict.valid,
                        "\(file.lastPathComponent) is refused by the decoder (\(error!)) but not by the schema")
                }
            }
        }
    }

    @Test func aDocumentWithEveryKeyIsAcceptedAndEveryWrongValueRefusedByBoth() throws {
        let folder = try SchemaValidator.writeSchemas()
        for schema in Self.formats {
            var texts: [String] = []
            var expectations: [(label: String, accepted: Bool)] = []
            for alternative in [0, 1] {
                let full = FieldDocuments.full(schema.table, alternative: alternative)
                texts.append(full.text)
                expectations.append(("\(schema) with every key", true))
                #expect(FieldDocuments.decoderError(schema, text: full.text) == nil, "\(schema): \(full.text)")
                for path in FieldDocuments.keyPaths(full) {
                    let label = "\(schema) \(path.map(\.description).joined(separator: "."))"
                    // A list of lists is the wrong type for every key.
                    let wrongType = FieldDocuments.setting(path, to: [[1]], in: full).text
                    #expect(
                        FieldDocuments.decoderError(schema, text: wrongType) != nil,
                        "the decoder accepts \(label): [[1]]")
                    texts.append(wrongType)
                    expectations.append(("\(label): [[1]]", false))
                    // Just past the range, for every number.
                    guard case .key(let name) = path.last!,
                        let field = Self.field(named: name, at: path, in: schema.table)
                    else { continue }
                    let outside: JSONValue? =
                        switch field.shape {
                        case .integer(let range): .number(Double(range.upperBound) + 1)
                        case .number(let range): .number(range.upperBound * 2 + 1)
                        case .choice(let words): .string(words.joined() + "x")
                        default: nil
                        }
                    if let outside {
                        let text = FieldDocuments.setting(path, to: outside, in: full).text
                        #expect(
                            FieldDocuments.decoderError(schema, text: text) != nil,
                            "the decoder accepts \(label): \(outside.text)")
                        texts.append(text)
                        expectations.append(("\(label): \(outside.text)", false))
                    }
                }
            }
            let verdicts = try SchemaValidator.validate(
                texts: texts, against: SchemaValidator.schemaFile(schema, in: folder))
            for (verdict, expectation) in zip(verdicts, expectations) {
                #expect(
                    verdict.valid == expectation.accepted,
                    "\(expectation.label): the schema says \(verdict.valid ? "valid" : "invalid: \(verdict.errors.map(\.message))")"
                )
            }
            #expect(verdicts.count > 10)
        }
    }

    @Test func wholeNumbersAreReadAsAnEditorReadsThem() throws {
        // YAML 1.2 (the editor's YAML) and JSON Schema's `integer` take all of these as 45 or 100.
        let whole = ["45", "+45", "45.0", "1e2", "0x2D", "0o55", "4.5e1"]
        let notWhole = ["45.5", "4.55e1", "0x", "forty-five", "\"45\""]
        let texts = (whole + notWhole).map { "niche: fitness\nduration: \($0)\n" }
        let verdicts = try SchemaValidator.validate(
            texts: texts, against: SchemaValidator.schemaFile(.request, in: try SchemaValidator.writeSchemas()))
        for (index, text) in texts.enumerated() {
            let accepted = index < whole.count
            #expect(verdicts[index].valid == accepted, "the schema on \(text)")
            let decoded = try? GenerationRequest.decode(data: Data(text.utf8), displayName: "r.yaml")
            #expect((decoded != nil) == accepted, "the decoder on \(text)")
            if accepted { #expect([45, 100].contains(decoded?.durationSeconds ?? 0), "\(text)") }
        }
    }

    /// The spec of the key at the end of `path`, found by name in the tables along it.
    static func field(named name: String, at path: [FieldDocuments.Step], in table: FieldTable) -> FieldSpec? {
        var tables = [table]
        for step in path.dropLast() {
            guard case .key(let key) = step else { continue }
            tables = tables.flatMap { table -> [FieldTable] in
                guard let field = table[key] else { return tables.count == 1 ? [table] : [] }
                switch field.shape {
                case .mapping(let inner), .namedMappings(let inner), .list(let inner): return [inner]
                case .alternatives(_, let mappings): return mappings
                default: return []
                }
            }
        }
        return tables.lazy.compactMap { $0[name] }.first
    }

    /// Any key name anywhere in the tables, and some a decoder might be tempted to take.
    static var vocabulary: Set<String> {
        func names(_ table: FieldTable) -> [String] {
            table.fields.flatMap { field -> [String] in
                switch field.shape {
                case .mapping(let inner), .namedMappings(let inner), .list(let inner): [field.name] + names(inner)
                case .alternatives(_, let mappings): [field.name] + mappings.flatMap(names)
                default: [field.name]
                }
            }
        }
        return Set(Self.formats.flatMap { names($0.table) }).union([
            "name", "path", "enabled", "timeout", "api_key", "key", "width", "height", "fps", "clips", "visuals",
            "language",
            "captions", "hashtags", "description", "title", "url", "theme", "prompt", "size", "host", "port",
        ])
    }

    @Test func aKeyTheSchemaLacksIsRefusedByTheDecoder() throws {
        var probes = 0
        for schema in Self.formats {
            let schemaDocument = schema.document(suggestions: .from(templates: TestSupport.templates))
            for alternative in [0, 1] {
                let full = FieldDocuments.full(schema.table, alternative: alternative)
                for path in FieldDocuments.mappingPaths(full) {
                    // Named entries (`providers: {openai: …}`) are the user's own names.
                    if path.last == .key("providers") { continue }
                    let keys = try #require(
                        FieldDocuments.schemaKeys(at: path, in: full, schema: schemaDocument),
                        "no schema for \(schema) \(path)")
                    for word in Self.vocabulary.subtracting(keys).sorted() {
                        guard case .object(let mapping)? = FieldDocuments.value(at: path, in: full) else { continue }
                        var extended = mapping
                        extended[word] = "x"
                        let text = FieldDocuments.setting(path, to: .object(extended), in: full).text
                        let error = FieldDocuments.decoderError(schema, text: text)
                        probes += 1
                        // Refused: as an unknown key, or (`command` beside `provider`) as the other shape
                        // it announces, which refuses the rest or the stage.
                        let refused: Bool =
                            switch error?.reason {
                            case .unknownKey?: true
                            case .invalidValue(let key)?: path.last == .key(key)
                            default: false
                            }
                        guard refused else {
                            Issue.record(
                                "\(schema) \(path.map(\.description).joined(separator: ".")): the decoder takes `\(word)`, which the schema lacks (\(error.map { "\($0)" } ?? "accepted"))"
                            )
                            continue
                        }
                    }
                }
            }
        }
        #expect(probes > 500)
    }

    @Test func theTemplatePrintedByNewRequestIsAValidRequest() throws {
        let folder = try SchemaValidator.writeSchemas()
        let texts = [
            RequestTemplate(niche: "fitness", language: .fr).text,
            RequestTemplate(niche: "a: b # c", language: .en).text,
        ]
        for text in texts {
            #expect(FieldDocuments.decoderError(.request, text: text) == nil, "\(text)")
        }
        let request = try GenerationRequest.decode(data: Data(texts[1].utf8), displayName: "new.yaml")
        #expect(request.niche == "a: b # c" && request.language == .en, "the niche stays one value")
        #expect(texts[0].contains("duration: 45") && texts[0].contains("15–180"))
        for verdict in try SchemaValidator.validate(
            texts: texts, against: SchemaValidator.schemaFile(.request, in: folder))
        {
            #expect(verdict.valid, "\(verdict.errors.map(\.message))")
        }
        // A French request is commented in French, every key of it; an English one in English.
        let keyLines = texts[0].split(separator: "\n").filter {
            !$0.hasPrefix("# yaml") && $0.contains(": ") && $0.contains(" # ")
        }
        #expect(keyLines.count >= 13)
        for line in keyLines {
            let key = String(line.drop { $0 == "#" || $0 == " " }.prefix { $0 != ":" })
            let comment = line.components(separatedBy: " # ").last ?? ""
            #expect(RequestTemplate.frenchSummaries[key].map { comment.hasPrefix($0) } == true, "\(line)")
        }
        #expect(texts[0].contains("par défaut : 45") && texts[0].contains("obligatoire"))
        #expect(texts[1].contains("Target length of the video, in seconds; 15–180; default: 45"))
    }
}
