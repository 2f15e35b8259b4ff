/// A row of an analytics file that was not applied (or applied with a caveat), phrased for the
/// user: which row, where, what is wrong and how to fix it. The rest of the file still counts.
package struct RowProblem: Sendable, Equatable, CustomStringConvertible {
    package var file: String
    /// The data row's number (1 = the first row after the header).
    package var row: Int
    package var line: Int
    package var column: Int?
    package var problem: String
    package var fix: String

    package init(file: String, row: Int, line: Int, column: Int? = nil, problem: String, fix: String) {
        self.file = file
        self.row = row
        self.line = line
        self.column = column
        self.problem = problem
        self.fix = fix
    }

    /// A file of a zip that could not be read while the zip's other files were (issue 11): listed
    /// with the zip's row problems, as row 0 (no row of its own).
    package init(unreadable error: InputError) {
        self.init(
            file: error.file, row: 0, line: error.line ?? 1, column: error.column, problem: error.problem,
            fix: error.fix)
    }

    package var description: String {
        guard row > 0 else { return "\(file): \(problem) — \(fix)" }
        let location = column.map { "\(file):\(line):\($0)" } ?? "\(file):\(line)"
        return "\(location): row \(row): \(problem) — \(fix)"
    }
}

extension RowProblem {
    /// At most this many problems are listed in a message; the rest are counted.
    static let listedLimit = 50

    /// `- problem` lines, the first ``listedLimit`` of them, then how many more there are: a
    /// file of a million bad rows gets a short error file, not a copy of itself (issue 12).
    package static func listing(_ lines: [String]) -> String {
        var text = lines.prefix(listedLimit).map { "- \($0)" }.joined(separator: "\n")
        if lines.count > listedLimit { text += "\n- … and \(lines.count - listedLimit) more rows like these" }
        return text
    }
}
