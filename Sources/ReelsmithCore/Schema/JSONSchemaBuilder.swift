/// Turns a ``FieldTable`` into a JSON Schema (draft 2020-12) for yaml-language-server and any
/// other validator: every key with its description, range, default and example; unknown keys
/// refused (`additionalProperties: false`), as the decoders refuse them.
///
/// The schema describes the YAML as the editor reads it (YAML 1.2 core schema: `2026-11-20` and
/// `yes` stay text). A key written with no value (`topic:`) is accepted as absent, as the decoders do.
struct JSONSchemaBuilder {
    package let suggestions: SchemaSuggestions

    static let dialect = "https://json-schema.org/draft/2020-12/schema"
    /// `yes`, `No`, `ON`…: what the decoders read as true or false besides `true`/`false`.
    static let flagWordsPattern =
        "^([Yy][Ee][Ss]|[Nn][Oo]|[Oo][Nn]|[Oo][Ff][Ff]|[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$"

    package func document(_ table: FieldTable, id: String, title: String) -> JSONValue {
        var schema = object(table)
        schema["$schema"] = .string(Self.dialect)
        schema["$id"] = .string(id)
        schema["title"] = .string(title)
        return .object(schema)
    }

    /// A mapping with exactly these keys.
    package func object(_ table: FieldTable) -> [String: JSONValue] {
        var properties: [String: JSONValue] = [:]
        for field in table.fields { properties[field.name] = .object(property(field)) }
        var schema: [String: JSONValue] = [
            "type": "object", "properties": .object(properties), "additionalProperties": false,
        ]
        if let summary = table.summary { schema["description"] = .string(summary) }
        let required = table.fields.filter(\.isRequired).map { JSONValue.string($0.name) }
        if !required.isEmpty { schema["required"] = .array(required) }
        var clauses: [JSONValue] = []
        for rule in table.rules {
            switch rule {
            case .anyOf(let keys):
                clauses.append(["anyOf": .array(keys.map { ["required": [.string($0)]] })])
            case .exclusive(let key, let others):
                clauses.append(
                    [
                        "if": ["required": [.string(key)]],
                        "then": ["not": ["anyOf": .array(others.map { ["required": [.string($0)]] })]],
                    ])
            case .requiredUnless(let key, let switchKey, let values):
                clauses.append(
                    [
                        "if": [
                            "required": [.string(switchKey)],
                            "properties": [switchKey: ["enum": .array(values.map(JSONValue.string))]],
                        ],
                        "else": ["required": [.string(key)]],
                    ])
            }
        }
        if !clauses.isEmpty { schema["allOf"] = .array(clauses) }
        return schema
    }

    /// One key: its value's schema, with the key's description, default and example.
    func property(_ field: FieldSpec) -> [String: JSONValue] {
        var schema = value(field.shape)
        if !field.isRequired { schema = allowingNull(schema) }
        schema["description"] = .string(description(field))
        if let defaultValue = field.defaultValue { schema["default"] = defaultValue }
        var examples = [field.example]
        if case .text(let rule) = field.shape {
            examples += suggestions.values(rule.suggestions).map(JSONValue.string).filter { $0 != field.example }
        }
        schema["examples"] = .array(examples)
        return schema
    }

    /// The summary, then the range and default in words (shown on hover).
    private func description(_ field: FieldSpec) -> String {
        var parts = [field.summary]
        switch field.shape {
        case .integer(let range): parts.append("Range: \(range.lowerBound)…\(range.upperBound).")
        case .number(let range): parts.append("Range: \(Self.text(range.lowerBound))…\(Self.text(range.upperBound)).")
        case .choice(let words): parts.append("One of: \(words.joined(separator: ", ")).")
        default: break
        }
        if field.isRequired { parts.append("Required.") }
        if let defaultValue = field.defaultValue {
            parts.append("Default: \(defaultValue.stringValue ?? defaultValue.text).")
        }
        return parts.joined(separator: " ")
    }

    private static func text(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }

    package func value(_ shape: FieldSpec.Shape) -> [String: JSONValue] {
        switch shape {
        case .text(let rule):
            var text: [String: JSONValue] = ["type": "string"]
            if let limit = rule.maximumLength { text["maxLength"] = .number(Double(limit)) }
            var patterns: [JSONValue] = []
            if rule.isNonBlank { patterns.append("\\S") }
            if let pattern = rule.pattern { patterns.append(.string(pattern)) }
            if patterns.count == 1 {
                text["pattern"] = patterns[0]
            } else if patterns.count > 1 {
                text["allOf"] = .array(patterns.map { ["pattern": $0] })
            }
            var alternatives: [JSONValue] = []
            let offered = suggestions.values(rule.suggestions)
            if !offered.isEmpty { alternatives.append(["enum": .array(offered.map(JSONValue.string))]) }
            alternatives.append(.object(text))
            // A number or `true` is read as its text (`voice: 123`), as the decoders read it.
            if rule.acceptsOtherScalars { alternatives.append(["type": ["number", "boolean"]]) }
            return alternatives.count == 1 ? text : ["anyOf": .array(alternatives)]
        case .integer(let range):
            return [
                "type": "integer", "minimum": .number(Double(range.lowerBound)),
                "maximum": .number(Double(range.upperBound)),
            ]
        case .number(let range):
            return ["type": "number", "minimum": .number(range.lowerBound), "maximum": .number(range.upperBound)]
        case .flag:
            return ["anyOf": [["type": "boolean"], ["type": "string", "pattern": .string(Self.flagWordsPattern)]]]
        case .choice(let words):
            return ["enum": .array(words.map(JSONValue.string))]
        case .constant(let word):
            return ["const": .string(word)]
        case .textList:
            return ["type": "array", "minItems": 1, "items": ["type": ["string", "number", "boolean"]]]
        case .mapping(let table):
            return object(table)
        case .namedMappings(let table):
            return ["type": "object", "additionalProperties": .object(object(table))]
        case .list(let table):
            return ["type": "array", "minItems": 1, "items": .object(object(table))]
        case .alternatives(let words, let mappings):
            var alternatives: [JSONValue] = [["enum": .array(words.map(JSONValue.string))]]
            alternatives += mappings.map { .object(object($0)) }
            return ["anyOf": .array(alternatives)]
        }
    }

    /// `key:` with no value is read as absent: `null` joins the type, the words or the alternatives
    /// (ranges, lengths and patterns apply only to their own types, so they still hold).
    private func allowingNull(_ schema: [String: JSONValue]) -> [String: JSONValue] {
        var schema = schema
        switch (schema["type"], schema["enum"], schema["const"], schema["anyOf"]) {
        case (.string(let type)?, _, _, _):
            schema["type"] = [.string(type), "null"]
        case (_, .array(let words)?, _, _):
            schema["enum"] = .array(words + [.null])
        case (_, _, let word?, _):
            schema["const"] = nil
            schema["enum"] = [word, .null]
        case (_, _, _, .array(let alternatives)?):
            schema["anyOf"] = .array(alternatives + [["type": "null"]])
        default:
            return ["anyOf": [.object(schema), ["type": "null"]]]
        }
        return schema
    }
}
