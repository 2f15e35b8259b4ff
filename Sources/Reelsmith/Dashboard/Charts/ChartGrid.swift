import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// Horizontal gridlines with their values on the left, shared by the column, line and scatter charts.
struct ChartGrid: Sendable {
    package var scale: ChartScale
    package var left: Double
    package var top: Double
    package var width: Double
    package var height: Double

    var svg: HTML {
        HTML(
            joining: scale.ticks().map { tick in
                let y = top + height - scale.fraction(tick) * height
                return HTML.selfClosing(
                    "line",
                    [
                        "class": "grid", "x1": left.svgCoordinate, "x2": (left + width).svgCoordinate,
                        "y1": y.svgCoordinate,
                        "y2": y.svgCoordinate,
                    ])
                    + HTML.element(
                        "text", ["x": (left - 4).svgCoordinate, "y": (y + 4).svgCoordinate, "class": "tick"]
                    ) {
                        ChartScale.label(tick)
                    }
            })
    }
}
