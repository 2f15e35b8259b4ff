/// One or more series over the same days (views and engagement over time): polylines over a
/// shared zero-based scale, the first and last day named under the axis.
struct LineChart: Sendable, Equatable {
    struct Series: Sendable, Equatable {
        var name: String
        var values: [Double]
    }

    var days: [String]
    var series: [Series]
    static let width = 600.0
    static let height = 220.0
    static let left = 50.0
    static let bottom = 22.0

    func svg(title: String) -> HTML {
        let scale = ChartScale.zeroBased(series.flatMap(\.values))
        let plotWidth = Self.width - Self.left - 6
        let plotHeight = Self.height - Self.bottom - 8
        let step = days.count > 1 ? plotWidth / Double(days.count - 1) : 0
        return HTML.element(
            "svg", ["class": "chart", "viewBox": "0 0 \(Int(Self.width)) \(Int(Self.height))", "role": "img", "aria-label": title]
        ) {
            HTML.element("title") { title }
            ChartGrid(scale: scale, left: Self.left, top: 8, width: plotWidth, height: plotHeight).svg
            for (number, line) in series.enumerated() {
                let points = line.values.enumerated().map { day, value in
                    (Self.left + Double(day) * step).svgCoordinate + ","
                        + (8 + plotHeight - scale.fraction(value) * plotHeight).svgCoordinate
                }
                HTML.selfClosing("polyline", ["class": "line s\(number + 1)", "points": points.joined(separator: " ")])
            }
            if let first = days.first, let last = days.last {
                HTML.element("text", ["x": Self.left.svgCoordinate, "y": (Self.height - 4).svgCoordinate, "class": "label"]) { first }
                HTML.element("text", ["x": Self.width.svgCoordinate, "y": (Self.height - 4).svgCoordinate, "class": "label end"]) { last }
            }
        }
    }
}
