import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// Horizontal bars, one per labelled value (mean stage times, spend per model). Drawn in a
/// fixed view box that scales to the page's width.
struct BarChart: Sendable, Equatable {
    struct Bar: Sendable, Equatable {
        package var label: String
        package var value: Double
        /// The value as written beside the bar ("12.3 s").
        package var display: String
    }

    package var bars: [Bar]
    package static let width = 600.0
    static let rowHeight = 26.0
    static let labelWidth = 150.0
    static let valueWidth = 90.0

    func svg(title: String) -> HTML {
        let scale = ChartScale.zeroBased(bars.map(\.value))
        let height = max(1, Double(bars.count)) * Self.rowHeight
        let barSpace = Self.width - Self.labelWidth - Self.valueWidth
        return HTML.element(
            "svg",
            ["class": "chart", "viewBox": "0 0 \(Int(Self.width)) \(Int(height))", "role": "img", "aria-label": title]
        ) {
            HTML.element("title") { title }
            for (row, bar) in bars.enumerated() {
                let y = Double(row) * Self.rowHeight
                HTML.element("text", ["x": "0", "y": (y + 17).svgCoordinate, "class": "label"]) { bar.label }
                HTML.selfClosing(
                    "rect",
                    [
                        "class": "bar s1", "x": Self.labelWidth.svgCoordinate, "y": (y + 5).svgCoordinate,
                        "width": (scale.fraction(bar.value) * barSpace).svgCoordinate, "height": "16",
                    ])
                HTML.element(
                    "text",
                    [
                        "x": (Self.labelWidth + scale.fraction(bar.value) * barSpace + 6).svgCoordinate,
                        "y": (y + 17).svgCoordinate,
                        "class": "value",
                    ]
                ) { bar.display }
            }
        }
    }
}
