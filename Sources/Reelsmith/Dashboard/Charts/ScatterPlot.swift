import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// Points on two axes (predicted virality score against real views). Every point is one
/// zero-length segment of a single path, drawn as a dot by its round line cap: 10,000 videos
/// cost about 12 bytes each instead of a `<circle>` apiece.
struct ScatterPlot: Sendable, Equatable {
    struct Point: Sendable, Equatable {
        package var x: Double
        package var y: Double
    }

    package var points: [Point]
    var xScale: ChartScale
    var yScale: ChartScale
    var xTitle: String
    var yTitle: String
    package static let width = 600.0
    package static let height = 320.0
    package static let left = 54.0
    package static let bottom = 34.0

    func svg(title: String) -> HTML {
        let plotWidth = Self.width - Self.left - 8
        let plotHeight = Self.height - Self.bottom - 8
        var path = ""
        path.reserveCapacity(points.count * 12)
        // One dot per pixel: the path's stroke is painted once, so a second dot on the same pixel
        // would add bytes and nothing to see.
        var drawn = Set<Int>()
        for point in points {
            let x = Int((Self.left + xScale.fraction(point.x) * plotWidth).rounded())
            let y = Int((8 + plotHeight - yScale.fraction(point.y) * plotHeight).rounded())
            guard drawn.insert(x * 10_000 + y).inserted else { continue }
            path += "M" + x.description + " " + y.description + "h0"
        }
        return HTML.element(
            "svg",
            [
                "class": "chart", "viewBox": "0 0 \(Int(Self.width)) \(Int(Self.height))", "role": "img",
                "aria-label": title,
            ]
        ) {
            HTML.element("title") { title }
            ChartGrid(scale: yScale, left: Self.left, top: 8, width: plotWidth, height: plotHeight).svg
            for tick in xScale.ticks() {
                HTML.element(
                    "text",
                    [
                        "x": (Self.left + xScale.fraction(tick) * plotWidth).svgCoordinate,
                        "y": (Self.height - 18).svgCoordinate,
                        "class": "tick middle",
                    ]
                ) { ChartScale.label(tick) }
            }
            HTML.element(
                "text",
                [
                    "x": (Self.left + plotWidth / 2).svgCoordinate, "y": (Self.height - 2).svgCoordinate,
                    "class": "label middle",
                ]
            ) {
                xTitle
            }
            HTML.element("text", ["x": "2", "y": "12", "class": "label"]) { yTitle }
            HTML.selfClosing("path", ["class": "dots s1", "d": path, "data-points": String(points.count)])
        }
    }
}
