import Foundation

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

/// Documents built from the field tables — every key with its example — and the real decoder of
/// each format, for checking that the decoders and the schemas agree key by key.
enum FieldDocuments {
    /// A key or an item on the way to a value.
    enum Step: Hashable, CustomStringConvertible {
        case key(String)
        case item(Int)

        var description: String {
            switch self {
            case .key(let name): name
            case .item(let index): "[\(index)]"
            }
        }
    }

    /// The providers every full document names: an OpenAI-compatible one and a stock one.
    static let providerKinds: [String: ProviderSettings.Kind] = ["openai": .openai, "pexels": .pexels]

    /// Every key of `table` with its example. Where a key may be one of several mappings (an
    /// engine: provider or command), `alternative` picks which (clamped to the last).
    static func full(_ table: FieldTable, alternative: Int = 0) -> JSONValue {
        var excluded = Set<String>()
        for rule in table.rules {
            if case .exclusive(_, let others) = rule { excluded.formUnion(others) }
        }
        var object: [String: JSONValue] = [:]
        for field in table.fields where !excluded.contains(field.name) {
            object[field.name] = full(field, alternative: alternative)
        }
        return .object(object)
    }

    static func full(_ field: FieldSpec, alternative: Int) -> JSONValue {
        switch field.shape {
        case .mapping(let table): full(table, alternative: alternative)
        case .namedMappings(let table):
            [
                "openai": full(table, alternative: alternative),
                "pexels": ["kind": "pexels", "api_key_env": "PEXELS_API_KEY"],
            ]
        case .list(let table): [full(table, alternative: alternative)]
        case .alternatives(let words, let mappings):
            mappings.isEmpty
                ? .string(words[0]) : full(mappings[min(alternative, mappings.count - 1)], alternative: alternative)
        default: field.example
        }
    }

    /// The paths of every key in `document` (at any depth, list items and named entries included).
    static func keyPaths(_ document: JSONValue, under prefix: [Step] = []) -> [[Step]] {
        switch document {
        case .object(let object):
            object.keys.sorted().flatMap { key in
                [prefix + [.key(key)]] + keyPaths(object[key]!, under: prefix + [.key(key)])
            }
        case .array(let items):
            items.indices.flatMap { keyPaths(items[$0], under: prefix + [.item($0)]) }
        default: []
        }
    }

    /// The paths of every mapping in `document`, the document itself included.
    static func mappingPaths(_ document: JSONValue, under prefix: [Step] = []) -> [[Step]] {
        switch document {
        case .object(let object):
            [prefix] + object.keys.sorted().flatMap { mappingPaths(object[$0]!, under: prefix + [.key($0)]) }
        case .array(let items):
            items.indices.flatMap { mappingPaths(items[$0], under: prefix + [.item($0)]) }
        default: []
        }
    }

    static func value(at path: [Step], in document: JSONValue) -> JSONValue? {
        guard let step = path.first else { return document }
        switch (step, document) {
        case (.key(let name), .object(let object)):
            return object[name].flatMap { value(at: Array(path.dropFirst()), in: $0) }
        case (.item(let index), .array(let items)):
            return items.indices.contains(index) ? value(at: Array(path.dropFirst()), in: items[index]) : nil
        default: return nil
        }
    }

    static func setting(_ path: [Step], to newValue: JSONValue, in document: JSONValue) -> JSONValue {
        guard let step = path.first else { return newValue }
        switch (step, document) {
        case (.key(let name), .object(let object)):
            var object = object
            object[name] = setting(Array(path.dropFirst()), to: newValue, in: object[name] ?? .null)
            return .object(object)
        case (.item(let index), .array(let items)):
            var items = items
            items[index] = setting(Array(path.dropFirst()), to: newValue, in: items[index])
            return .array(items)
        default: return document
        }
    }

    /// The schema's `properties` names of the mapping at `path` of `document`, following
    /// `properties`, `items`, `additionalProperties` and the `anyOf` alternative that holds the
    /// document's keys — what an editor would offer there.
    static func schemaKeys(at path: [Step], in document: JSONValue, schema: JSONValue) -> Set<String>? {
        var node = schema
        var walked: [Step] = []
        func object(for value: JSONValue?, in node: JSONValue) -> JSONValue? {
            if case .object? = node["properties"] { return node }
            guard case .array(let alternatives)? = node["anyOf"] else { return nil }
            var keys = Set<String>()
            if case .object(let mapping)? = value { keys = Set(mapping.keys) }
            return alternatives.first { alternative in
                guard case .object(let properties)? = alternative["properties"] else { return false }
                return keys.isSubset(of: Set(properties.keys))
            }
        }
        for step in path {
            let here = value(at: walked, in: document)
            walked.append(step)
            switch step {
            case .key(let name):
                if let mapping = object(for: here, in: node), let next = mapping["properties"]?[name] {
                    node = next
                } else if let next = node["additionalProperties"], case .object = next {
                    node = next
                } else {
                    return nil
                }
            case .item:
                guard
                    let items = node["items"]
                        ?? node["anyOf"].flatMap({ alternatives -> JSONValue? in
                            if case .array(let list) = alternatives { return list.compactMap { $0["items"] }.first }
                            return nil
                        })
                else { return nil }
                node = items
            }
        }
        guard let mapping = object(for: value(at: path, in: document), in: node),
            case .object(let properties)? = mapping["properties"]
        else { return nil }
        return Set(properties.keys)
    }

    static let day = CalendarDay(iso: "2026-11-25")!

    /// Decodes `text` as `schema`'s format with the real decoder; nil when accepted.
    static func decoderError(_ schema: InputSchema, text: String, voiceExists: ((String) -> Bool)? = nil) -> InputError?
    {
        decoderError(schema, data: Data(text.utf8), voiceExists: voiceExists)
    }

    static func decoderError(_ schema: InputSchema, data: Data, voiceExists: ((String) -> Bool)? = nil) -> InputError? {
        do throws(InputError) {
            switch schema {
            case .request:
                _ = try GenerationRequest.decode(
                    data: data, displayName: "request.yaml", musicLibrary: ["calm"], voiceExists: voiceExists,
                    providers: providerKinds)
            case .trends:
                _ = try TrendsFile.decode(data: data, displayName: "trends.yaml", ingestDay: day)
            case .analytics:
                let file = try AnalyticsFile.decode(
                    data: data, file: "analytics.yaml", isYAML: true, ingestDay: day)
                if let problem = file.problems.first {
                    // A row's unknown key is reported as a row problem: keep its reason.
                    let unknown =
                        problem.problem.hasPrefix("unknown key `")
                        ? String(problem.problem.dropFirst("unknown key `".count).dropLast()) : nil
                    throw InputError(
                        unknown.map { .unknownKey(name: $0, suggestion: nil) } ?? .invalidValue(key: "row"),
                        file: problem.file,
                        line: problem.line, column: problem.column, problem: problem.problem, fix: problem.fix)
                }
            case .config:
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                    "reelsmith-config-\(UUID().uuidString.prefix(8))")
                try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(at: folder) }
                let file = folder.appendingPathComponent(Configuration.fileName)
                try? data.write(to: file)
                _ = try Configuration.load(file: file, environment: [:])
            }
            return nil
        } catch {
            return error
        }
    }
}
