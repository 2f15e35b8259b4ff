import Foundation

/// A problem with a file the user dropped into the inbox, phrased for the user:
/// what is wrong, where (file, line, column) and how to fix it.
package struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem it is, so tests and callers can match on it.
    package enum Reason: Sendable, Equatable {
        case emptyFile
        case notUTF8
        case syntax
        case notAMapping
        case unknownKey(name: String, suggestion: String?)
        case missingKey(name: String)
        case wrongType(key: String, expected: String)
        case outOfRange(key: String)
        case invalidValue(key: String)
        case unreadable
        /// A link, pipe, device or folder where a file was expected (never opened).
        case notAFile
        case tooLarge
        /// A spreadsheet, a zip or another binary file.
        case notText
        /// A file that would take too long to read (the time budget of one parse).
        case tooComplex
    }

    package var reason: Reason
    /// The file as the user knows it (relative to the working folder when possible).
    package var file: String
    /// 1-based line, when the problem has one.
    package var line: Int?
    /// 1-based column, counted in Unicode scalars.
    package var column: Int?
    /// What is wrong, in one sentence.
    package var problem: String
    /// How to fix it, in one sentence.
    package var fix: String

    package init(
        _ reason: Reason, file: String, line: Int? = nil, column: Int? = nil, problem: String, fix: String
    ) {
        self.reason = reason
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
        self.fix = fix
    }

    /// `file:line:column`, as compilers and editors print it.
    package var location: String {
        switch (line, column) {
        case (let line?, let column?): "\(file):\(line):\(column)"
        case (let line?, nil): "\(file):\(line)"
        default: file
        }
    }

    package var description: String { "\(location): \(problem) — \(fix)" }
}

extension InputError {
    /// Reads an input file whole, as ``InputFile`` allows: a regular file, never through a link,
    /// at most 64 MB. A failure is an ``InputError`` naming it.
    package static func readFile(_ url: URL, displayName: String) throws(InputError) -> Data {
        try InputFile.read(url, displayName: displayName)
    }
}
