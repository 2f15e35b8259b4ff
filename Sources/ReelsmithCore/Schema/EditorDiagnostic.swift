import Foundation

/// One problem `reelsmith check` found, as the daemon words it and as an editor places it: the
/// Language Server Protocol's `Diagnostic` (zero-based line and UTF-16 character, severity 1 for
/// an error, 2 for a warning), so an editor task or a pre-commit hook can use it.
package struct EditorDiagnostic: Sendable, Equatable, Codable {
    package struct Position: Sendable, Equatable, Codable {
        package var line: Int
        package var character: Int
    }

    package struct Range: Sendable, Equatable, Codable {
        package var start: Position
        package var end: Position
    }

    package enum Severity: Int, Sendable, Equatable, Codable {
        case error = 1
        case warning = 2
    }

    package var range: Range
    package var severity: Severity
    /// What is wrong and how to fix it, as the daemon's message says it after the location.
    package var message: String
    package var source = "reelsmith"
    /// The daemon's whole line: `file:line:column: problem — fix` (or `…: row N: …` for an analytics row).
    package var text: String
    /// The kind of problem (`unknown-key`, `out-of-range`…).
    package var code: String?

    /// Places an error at its 1-based line and column (counted in Unicode scalars) within `data`:
    /// from there to the end of the line's text, or the start of the file when it has no line.
    package init(
        severity: Severity, line: Int?, column: Int?, message: String, text: String, code: String?, data: Data?
    ) {
        self.severity = severity
        self.message = message
        self.text = text
        self.code = code
        guard let line, line >= 1 else {
            range = Range(start: Position(line: 0, character: 0), end: Position(line: 0, character: 0))
            return
        }
        guard let data else {
            // No text to measure (a zip's entry): the position as the daemon names it.
            let position = Position(line: line - 1, character: max((column ?? 1) - 1, 0))
            range = Range(start: position, end: position)
            return
        }
        let lines =
            Optional(data).map {
                String(decoding: $0, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            } ?? []
        let content =
            line <= lines.count ? String(lines[line - 1]).trimmingCharacters(in: .init(charactersIn: "\r")) : ""
        let scalars = Array(content.unicodeScalars)
        let startScalar = min(max((column ?? 1) - 1, 0), scalars.count)
        let endScalar = max(
            startScalar,
            scalars.lastIndex(where: { !CharacterSet.whitespaces.contains($0) }).map { $0 + 1 } ?? startScalar)
        func utf16(_ count: Int) -> Int { scalars.prefix(count).reduce(0) { $0 + $1.utf16.count } }
        range = Range(
            start: Position(line: line - 1, character: utf16(startScalar)),
            end: Position(line: line - 1, character: utf16(endScalar)))
    }

    package init(_ error: InputError, data: Data?) {
        self.init(
            severity: .error, line: error.line, column: error.column, message: "\(error.problem) — \(error.fix)",
            text: error.description, code: error.reason.code, data: data)
    }

    package init(_ problem: RowProblem, data: Data?) {
        self.init(
            severity: .error, line: problem.line, column: problem.column,
            message: (problem.row > 0 ? "row \(problem.row): " : "") + "\(problem.problem) — \(problem.fix)",
            text: problem.description,
            code: "row", data: data)
    }
}

extension InputError.Reason {
    /// A short name for editors and scripts.
    package var code: String {
        switch self {
        case .emptyFile: "empty-file"
        case .notUTF8: "not-utf8"
        case .syntax: "syntax"
        case .notAMapping: "not-a-mapping"
        case .unknownKey: "unknown-key"
        case .missingKey: "missing-key"
        case .wrongType: "wrong-type"
        case .outOfRange: "out-of-range"
        case .invalidValue: "invalid-value"
        case .unreadable: "unreadable"
        case .notAFile: "not-a-file"
        case .tooLarge: "too-large"
        case .notText: "not-text"
        case .tooComplex: "too-complex"
        }
    }
}
