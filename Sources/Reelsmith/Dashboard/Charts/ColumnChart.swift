import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// Vertical columns over consecutive days (videos made per day), with gridlines and the first
/// and last day named under the axis.
struct ColumnChart: Sendable, Equatable {
    package struct Column: Sendable, Equatable {
        package var label: String
        package var value: Double
    }

    package var columns: [Column]
    package static let width = 600.0
    package static let height = 200.0
    package static let left = 46.0
    package static let bottom = 22.0

    func svg(title: String) -> HTML {
        // Counts: at least 0…4, so the gridlines fall on whole numbers.
        let scale = ChartScale.zeroBased(columns.map(\.value) + [4])
        let plotWidth = Self.width - Self.left
        let plotHeight = Self.height - Self.bottom - 8
        let step = plotWidth / Double(max(1, columns.count))
        return HTML.element(
            "svg",
            [
                "class": "chart", "viewBox": "0 0 \(Int(Self.width)) \(Int(Self.height))", "role": "img",
                "aria-label": title,
            ]
        ) {
            HTML.element("title") { title }
            ChartGrid(scale: scale, left: Self.left, top: 8, width: plotWidth, height: plotHeight).svg
            for (number, column) in columns.enumerated() {
                let height = scale.fraction(column.value) * plotHeight
                HTML.selfClosing(
                    "rect",
                    [
                        "class": "bar s1", "x": (Self.left + Double(number) * step + step * 0.15).svgCoordinate,
                        "y": (8 + plotHeight - height).svgCoordinate, "width": (step * 0.7).svgCoordinate,
                        "height": height.svgCoordinate,
                    ])
            }
            if let first = columns.first, let last = columns.last {
                HTML.element(
                    "text", ["x": Self.left.svgCoordinate, "y": (Self.height - 4).svgCoordinate, "class": "label"]
                ) { first.label }
                HTML.element(
                    "text", ["x": Self.width.svgCoordinate, "y": (Self.height - 4).svgCoordinate, "class": "label end"]
                ) { last.label }
            }
        }
    }
}
