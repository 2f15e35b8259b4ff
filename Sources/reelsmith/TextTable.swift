import Reelsmith
import ReelsmithCLI
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// Aligned columns for the terminal: numbers right-aligned, text left-aligned.
struct TextTable {
    var headers: [String]
    var rows: [[String]]
    /// Columns whose cells are right-aligned.
    var numeric: Set<Int> = []
    /// The column cut short (with `…`) when the table would be wider than `maximumWidth`.
    var flexible: Int? = nil
    /// A terminal's width: every table fits 80 columns.
    var maximumWidth = 80

    func render() -> String {
        var rows = self.rows
        var widths = headers.indices.map { column in
            ([headers[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
        }
        let total = widths.reduce(0, +) + 2 * max(0, widths.count - 1)
        if let flexible, total > maximumWidth {
            widths[flexible] = max(headers[flexible].count, 6, widths[flexible] - (total - maximumWidth))
            rows = rows.map { row in
                var row = row
                if row[flexible].count > widths[flexible] {
                    row[flexible] = String(row[flexible].prefix(widths[flexible] - 1)) + "…"
                }
                return row
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return numeric.contains(column) ? padding + cell : cell + padding
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        return ([line(headers), rule] + rows.map(line)).joined(separator: "\n")
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
