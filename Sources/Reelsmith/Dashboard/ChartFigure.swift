import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// A chart with its alternative: the SVG, then the same numbers as a table folded under it
/// (or a sentence, when a table would be 10,000 rows long).
struct ChartFigure: Sendable {
    package var id: String
    var svg: HTML
    var alternative: HTML
    var showTable: String

    package var html: HTML {
        HTML.element("figure", ["id": id]) {
            svg
            HTML.element("details") {
                HTML.element("summary") { showTable }
                alternative
            }
        }
    }
}
