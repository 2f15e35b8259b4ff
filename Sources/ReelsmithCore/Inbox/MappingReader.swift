import Foundation
import Yams

/// Typed, located access to the keys of one YAML mapping. Unknown keys are rejected with a
/// did-you-mean hint; every wrong value is reported at its own line and column.
package struct MappingReader {
    package let file: String
    private let entries: [String: (key: Node, value: Node)]
    private let mappingMark: Mark?

    package init(_ mapping: Node.Mapping, file: String, knownKeys: [String]) throws(InputError) {
        self.file = file
        self.mappingMark = mapping.mark
        var entries: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                throw InputError(
                    .syntax, file: file, line: key.mark?.line, column: key.mark?.column,
                    problem: "a key must be a plain word", fix: "write keys as `name: value`")
            }
            let name = scalar.string
            guard knownKeys.contains(name) else {
                let suggestion = KeySuggestion.nearest(to: name, among: knownKeys)
                let fix =
                    suggestion.map { "did you mean `\($0)`?" }
                    ?? "remove it; the known keys are \(knownKeys.map { "`\($0)`" }.joined(separator: ", "))"
                throw InputError(
                    .unknownKey(name: Excerpt.quote(name), suggestion: suggestion), file: file,
                    line: key.mark?.line, column: key.mark?.column, problem: "unknown key `\(Excerpt.quote(name))`",
                    fix: fix)
            }
            entries[name] = (key, value)
        }
        self.entries = entries
    }

    /// The value node of a key, nil when absent or explicitly null.
    func node(_ key: String) -> Node? {
        guard let value = entries[key]?.value else { return nil }
        if case .scalar(let scalar) = value, scalar.style == .plain,
            ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        {
            return nil
        }
        return value
    }

    package func has(_ key: String) -> Bool { node(key) != nil }

    package func error(_ reason: InputError.Reason, at key: String, problem: String, fix: String) -> InputError {
        let mark = entries[key]?.value.mark ?? entries[key]?.key.mark
        return InputError(reason, file: file, line: mark?.line, column: mark?.column, problem: problem, fix: fix)
    }

    package func missing(_ key: String, example: String) -> InputError {
        InputError(
            .missingKey(name: key), file: file, line: mappingMark?.line, column: mappingMark?.column,
            problem: "the required key `\(key)` is missing", fix: "add a line such as `\(key): \(example)`")
    }

    package func string(_ key: String) throws(InputError) -> String? {
        guard let value = node(key) else { return nil }
        guard case .scalar(let scalar) = value else {
            throw error(
                .wrongType(key: key, expected: "text"), at: key,
                problem: "`\(key)` must be text, not a list or a mapping",
                fix: "write it on one line: `\(key): some text`")
        }
        return scalar.string
    }

    func requiredString(_ key: String, example: String) throws(InputError) -> String {
        guard let value = try string(key) else { throw missing(key, example: example) }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw error(
                .invalidValue(key: key), at: key, problem: "`\(key)` is empty", fix: "write `\(key): \(example)`")
        }
        return trimmed
    }

    package func integer(_ key: String, in range: ClosedRange<Int>) throws(InputError) -> Int? {
        guard let value = node(key) else { return nil }
        guard case .scalar(let scalar) = value, scalar.style == .plain, let number = Self.wholeNumber(scalar.string)
        else {
            throw error(
                .wrongType(key: key, expected: "whole number"), at: key,
                problem:
                    "`\(key)` must be a whole number, found `\(value.scalar.map { Excerpt.quote($0.string) } ?? "a list or mapping")`",
                fix:
                    "write a number between \(range.lowerBound) and \(range.upperBound), e.g. `\(key): \(range.lowerBound)`"
            )
        }
        return try checked(number, in: range, key: key)
    }

    /// A plain scalar read as a whole number the way an editor reads it (YAML 1.2's core schema
    /// and JSON Schema's `integer`): `45`, `+45`, `0x2D`, `0o55`, and whole-valued numbers such as
    /// `45.0` or `1e2`; nil for anything else (`45.5`, `forty-five`).
    static func wholeNumber(_ text: String) -> Int? {
        if let number = Int(text) { return number }
        if text.hasPrefix("0x") { return Int(text.dropFirst(2), radix: 16) }
        if text.hasPrefix("0o") { return Int(text.dropFirst(2), radix: 8) }
        guard text.wholeMatch(of: /[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?/) != nil,
            let number = Double(text), number.rounded() == number, abs(number) <= 9_007_199_254_740_992
        else { return nil }
        return Int(number)
    }

    package func number(_ key: String, in range: ClosedRange<Double>) throws(InputError) -> Double? {
        guard let value = node(key) else { return nil }
        guard case .scalar(let scalar) = value, scalar.style == .plain,
            let number = Self.wholeNumber(scalar.string).map(Double.init) ?? Double(scalar.string), number.isFinite
        else {
            throw error(
                .wrongType(key: key, expected: "number"), at: key, problem: "`\(key)` must be a number",
                fix: "write a number between \(range.lowerBound) and \(range.upperBound)")
        }
        return try checked(number, in: range, key: key)
    }

    /// The value, or an out-of-range error at the key that names the range.
    private func checked<Value: Comparable>(
        _ value: Value, in range: ClosedRange<Value>, key: String
    ) throws(InputError) -> Value {
        guard range.contains(value) else {
            throw error(
                .outOfRange(key: key), at: key,
                problem: "`\(key)` is \(value), outside \(range.lowerBound)…\(range.upperBound)",
                fix: "use a value between \(range.lowerBound) and \(range.upperBound)")
        }
        return value
    }

    /// A list of text items (`[piper, --model, fr.onnx]` or one `- item` per line); nil when absent.
    package func strings(_ key: String, example: String) throws(InputError) -> [String]? {
        guard let value = node(key) else { return nil }
        guard case .sequence(let sequence) = value else {
            throw error(
                .wrongType(key: key, expected: "list"), at: key, problem: "`\(key)` must be a list",
                fix: "write it as a list in brackets: `\(key): \(example)`")
        }
        var items: [String] = []
        for item in sequence {
            guard case .scalar(let scalar) = item else {
                throw InputError(
                    .wrongType(key: key, expected: "list of text"), file: file, line: item.mark?.line,
                    column: item.mark?.column,
                    problem: "each item of `\(key)` must be text", fix: "write it as `\(key): \(example)`")
            }
            items.append(scalar.string)
        }
        guard !items.isEmpty else {
            throw error(
                .invalidValue(key: key), at: key, problem: "`\(key)` is empty", fix: "write `\(key): \(example)`")
        }
        return items
    }

    /// A nested mapping's reader, with its own known keys.
    package func mapping(_ key: String, knownKeys: [String]) throws(InputError) -> MappingReader? {
        guard let value = node(key) else { return nil }
        guard case .mapping(let mapping) = value else {
            throw error(
                .wrongType(key: key, expected: "mapping"), at: key,
                problem: "`\(key)` must hold indented `name: value` lines",
                fix: "write `\(key):` alone on its line, then its settings indented below it")
        }
        return try MappingReader(mapping, file: file, knownKeys: knownKeys)
    }

    /// A mapping whose keys are the user's own names (e.g. `providers:`), each holding a mapping
    /// with `knownKeys`; in the file's order.
    func namedMappings(_ key: String, knownKeys: [String]) throws(InputError) -> [(name: String, reader: MappingReader)]
    {
        guard let value = node(key) else { return [] }
        guard case .mapping(let mapping) = value else {
            throw error(
                .wrongType(key: key, expected: "mapping"), at: key, problem: "`\(key)` must hold named entries",
                fix: "write `\(key):` alone on its line, then each entry's name and its settings indented below it")
        }
        var result: [(name: String, reader: MappingReader)] = []
        for (name, entry) in mapping {
            guard case .scalar(let scalar) = name, !scalar.string.isEmpty else {
                throw InputError(
                    .syntax, file: file, line: name.mark?.line, column: name.mark?.column,
                    problem: "a name under `\(key)` must be a plain word", fix: "write it as `name:`")
            }
            guard case .mapping(let settings) = entry else {
                throw InputError(
                    .wrongType(key: scalar.string, expected: "mapping"), file: file, line: entry.mark?.line,
                    column: entry.mark?.column, problem: "`\(scalar.string)` must hold indented `name: value` lines",
                    fix: "write `\(scalar.string):` alone on its line, then its settings indented below it")
            }
            result.append((scalar.string, try MappingReader(settings, file: file, knownKeys: knownKeys)))
        }
        return result
    }

    /// A value that must be one of `names`; an unknown one is reported with the nearest name.
    func oneOf(_ key: String, among names: [String], what: String) throws(InputError) -> String? {
        guard let value = try string(key) else { return nil }
        guard names.contains(value) else {
            let hint = KeySuggestion.nearest(to: value, among: names).map { "did you mean `\($0)`? " } ?? ""
            throw error(
                .invalidValue(key: key), at: key, problem: "unknown \(what) `\(Excerpt.quote(value))`",
                fix: "\(hint)use one of \(names.joined(separator: ", "))")
        }
        return value
    }

    package func bool(_ key: String) throws(InputError) -> Bool? {
        guard let value = node(key) else { return nil }
        guard case .scalar(let scalar) = value, let flag = Bool.fromYAML(scalar.string) else {
            throw error(
                .wrongType(key: key, expected: "true or false"), at: key,
                problem: "`\(key)` must be true or false", fix: "write `\(key): true` or `\(key): false`")
        }
        return flag
    }
}

extension Bool {
    fileprivate static func fromYAML(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on": true
        case "false", "no", "off": false
        default: nil
        }
    }
}
