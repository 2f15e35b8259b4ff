import Foundation
import Yams

/// A YAML file read for validation: the top-level mapping with the position of every key and value,
/// so each error can name the line and column.
package struct YAMLDocument {
    package let file: String
    package let root: Node.Mapping
    let rootMark: Mark?

    /// Reads and parses a file, turning every failure into an ``InputError`` naming the file.
    package static func load(contentsOf url: URL, displayName: String) throws(InputError) -> YAMLDocument {
        try parse(data: InputError.readFile(url, displayName: displayName), displayName: displayName)
    }

    package static func parse(data: Data, displayName: String) throws(InputError) -> YAMLDocument {
        try InputFile.requireText(
            data, file: displayName, saveAs: "save it as UTF-8 (in most editors: File › Save with encoding › UTF-8)",
            emptyFix:
                "write at least the required keys, for example `niche: motivation` (see inbox/requests/ for an example)"
        )
        let text = String(decoding: data, as: UTF8.self)
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        // Anchors, aliases, deep nesting and a parse over its time budget are refused before Yams
        // builds (and hashes, and compares) a single key.
        try YAMLGuard.check(body, file: displayName)
        let node: Node?
        do {
            node = try Yams.compose(yaml: body)
        } catch let error as YamlError {
            throw syntaxError(error, displayName: displayName)
        } catch {
            throw InputError(
                .syntax, file: displayName, problem: "the YAML cannot be read",
                fix: "check the indentation and that every `key: value` pair is on its own line")
        }
        guard let node, case .mapping(let mapping) = node else {
            throw InputError(
                .notAMapping, file: displayName, line: node?.mark?.line, column: node?.mark?.column,
                problem: "the file holds a single value or a list, not a set of `key: value` pairs",
                fix: "write one `key: value` per line, for example `niche: motivation`")
        }
        return YAMLDocument(file: displayName, root: mapping, rootMark: node.mark)
    }

    private static func syntaxError(_ error: YamlError, displayName: String) -> InputError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let message = YAMLSyntaxMessage(problem: problem, context: context?.text)
            return InputError(
                .syntax, file: displayName, line: mark.line, column: mark.column, problem: message.problem,
                fix: message.fix)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return InputError(
                .syntax, file: displayName, line: context.mark.line, column: context.mark.column,
                problem: "the key `\(duplicates.map { Excerpt.quote($0) }.joined(separator: "`, `"))` appears twice",
                fix: "keep only one of them")
        default:
            // Yams' own description quotes the offending line of the file: it is never shown.
            return InputError(
                .syntax, file: displayName, problem: "the YAML cannot be read", fix: YAMLSyntaxMessage.generalFix)
        }
    }

    /// Line and column (1-based) of the first byte that breaks UTF-8.
    static func firstInvalidUTF8Position(in data: Data) -> (Int, Int) {
        let bytes = [UInt8](data)
        var offset = 0
        var line = 1
        var column = 1
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
