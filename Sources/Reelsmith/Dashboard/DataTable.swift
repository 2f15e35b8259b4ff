import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// A plain table of text cells (the charts' alternatives, the insights): every cell escaped,
/// numeric columns right-aligned, wrapped in a box that scrolls sideways on a narrow phone
/// instead of the page.
struct DataTable: Sendable {
    package var headers: [String]
    package var rows: [[String]]
    /// Columns whose cells are numbers.
    package var numeric: Set<Int> = []
    package var id: String? = nil

    package var html: HTML {
        HTML.element("div", ["class": "scroll"]) {
            HTML.element("table", ["id": id]) {
                HTML.element("thead") {
                    HTML.element("tr") {
                        for (column, header) in headers.enumerated() {
                            HTML.element("th", ["class": numeric.contains(column) ? "n" : nil, "scope": "col"]) {
                                header
                            }
                        }
                    }
                }
                HTML.element("tbody") {
                    for row in rows {
                        HTML.element("tr") {
                            for (column, cell) in row.enumerated() {
                                HTML.element("td", ["class": numeric.contains(column) ? "n" : nil]) { cell }
                            }
                        }
                    }
                }
            }
        }
    }
}
