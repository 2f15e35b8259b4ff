import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// One or more series over the same days (views and engagement over time): polylines over a
/// shared zero-based scale, the first and last day named under the axis.
struct LineChart: Sendable, Equatable {
    struct Series: Sendable, Equatable {
        package var name: String
        package var values: [Double]
    }

    package var days: [String]
    package var series: [Series]
    package static let width = 600.0
    package static let height = 220.0
    package static let left = 50.0
    package static let bottom = 22.0

    /// The index ranges of consecutive finite values.
    package static func runs(of values: [Double]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start: Int?
        for (index, value) in values.enumerated() {
            if value.isFinite {
                if start == nil { start = index }
            } else if let first = start {
                runs.append(first..<index)
                start = nil
            }
        }
        if let first = start { runs.append(first..<values.count) }
        return runs
    }

    func svg(title: String) -> HTML {
        let scale = ChartScale.zeroBased(series.flatMap(\.values))
        let plotWidth = Self.width - Self.left - 6
        let plotHeight = Self.height - Self.bottom - 8
        let step = days.count > 1 ? plotWidth / Double(days.count - 1) : 0
        return HTML.element(
            "svg",
            [
                "class": "chart", "viewBox": "0 0 \(Int(Self.width)) \(Int(Self.height))", "role": "img",
                "aria-label": title,
            ]
        ) {
            HTML.element("title") { title }
            ChartGrid(scale: scale, left: Self.left, top: 8, width: plotWidth, height: plotHeight).svg
            // A day without a value (NaN: not in the export) is a gap, never a zero: the line
            // stops there, and a day alone between gaps is a dot.
            for (number, line) in series.enumerated() {
                for run in Self.runs(of: line.values) {
                    let points = run.map { day in
                        (
                            x: Self.left + Double(day) * step,
                            y: 8 + plotHeight - scale.fraction(line.values[day]) * plotHeight
                        )
                    }
                    if points.count == 1 {
                        HTML.selfClosing(
                            "circle",
                            [
                                "class": "dot s\(number + 1)", "cx": points[0].x.svgCoordinate,
                                "cy": points[0].y.svgCoordinate, "r": "2.5",
                            ])
                    } else {
                        HTML.selfClosing(
                            "polyline",
                            [
                                "class": "line s\(number + 1)",
                                "points": points.map { $0.x.svgCoordinate + "," + $0.y.svgCoordinate }.joined(
                                    separator: " "),
                            ])
                    }
                }
            }
            if let first = days.first, let last = days.last {
                HTML.element(
                    "text", ["x": Self.left.svgCoordinate, "y": (Self.height - 4).svgCoordinate, "class": "label"]
                ) { first }
                HTML.element(
                    "text", ["x": Self.width.svgCoordinate, "y": (Self.height - 4).svgCoordinate, "class": "label end"]
                ) { last }
            }
        }
    }
}
