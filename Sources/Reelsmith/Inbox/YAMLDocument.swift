import Foundation
import Yams

/// A YAML file read for validation: the top-level mapping with the position of every key and value,
/// so each error can name the line and column.
struct YAMLDocument {
    let file: String
    let root: Node.Mapping
    let rootMark: Mark?

    /// Reads and parses a file, turning every failure into an ``InputError`` naming the file.
    static func load(contentsOf url: URL, displayName: String) throws(InputError) -> YAMLDocument {
        try parse(data: InputError.readFile(url, displayName: displayName), displayName: displayName)
    }

    static func parse(data: Data, displayName: String) throws(InputError) -> YAMLDocument {
        guard let text = String(data: data, encoding: .utf8) else {
            let (line, column) = firstInvalidUTF8Position(in: data)
            throw InputError(
                .notUTF8, file: displayName, line: line, column: column,
                problem: "the file is not valid UTF-8 text",
                fix: "save it as UTF-8 (in most editors: File › Save with encoding › UTF-8)")
        }
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        if body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw InputError(
                .emptyFile, file: displayName, problem: "the file is empty",
                fix: "write at least the required keys, for example `niche: motivation` (see inbox/requests/ for an example)")
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: body)
        } catch let error as YamlError {
            throw syntaxError(error, displayName: displayName)
        } catch {
            throw InputError(
                .syntax, file: displayName, problem: "the YAML cannot be parsed (\(error))",
                fix: "check the indentation and that every `key: value` pair is on its own line")
        }
        guard let node, case let .mapping(mapping) = node else {
            throw InputError(
                .notAMapping, file: displayName, line: node?.mark?.line, column: node?.mark?.column,
                problem: "the file holds a single value or a list, not a set of `key: value` pairs",
                fix: "write one `key: value` per line, for example `niche: motivation`")
        }
        return YAMLDocument(file: displayName, root: mapping, rootMark: node.mark)
    }

    private static func syntaxError(_ error: YamlError, displayName: String) -> InputError {
        let fix = "check the indentation, close every quote and bracket, and put a space after each `:`"
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return InputError(
                .syntax, file: displayName, line: mark.line, column: mark.column,
                problem: "YAML syntax error: \(what)", fix: fix)
        case let .duplicatedKeysInMapping(duplicates, context):
            return InputError(
                .syntax, file: displayName, line: context.mark.line, column: context.mark.column,
                problem: "the key `\(duplicates.joined(separator: "`, `"))` appears twice",
                fix: "keep only one of them")
        default:
            return InputError(.syntax, file: displayName, problem: "YAML syntax error: \(error)", fix: fix)
        }
    }

    /// Line and column (1-based) of the first byte that breaks UTF-8.
    static func firstInvalidUTF8Position(in data: Data) -> (Int, Int) {
        let bytes = [UInt8](data)
        var offset = 0
        var line = 1, column = 1
        while offset < bytes.count {
            let byte = bytes[offset]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, column)
            }
            guard offset + length <= bytes.count,
                String(bytes: bytes[offset..<offset + length], encoding: .utf8) != nil
            else { return (line, column) }
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            offset += length
        }
        return (line, column)
    }
}
