import Foundation
import Testing

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

@Suite struct ChartTests {
    /// Every `name="value"` pair of each `<tag …>` in the markup, in order.
    static func elements(_ tag: String, in markup: String) -> [[String: String]] {
        let pattern = try! NSRegularExpression(pattern: "<\(tag)\\b([^>]*)>")
        let attribute = try! NSRegularExpression(pattern: "([a-zA-Z-]+)=\"([^\"]*)\"")
        let text = markup as NSString
        return pattern.matches(in: markup, range: NSRange(location: 0, length: text.length)).map { match in
            let inside = text.substring(with: match.range(at: 1))
            var result: [String: String] = [:]
            for pair in attribute.matches(in: inside, range: NSRange(location: 0, length: (inside as NSString).length))
            {
                result[(inside as NSString).substring(with: pair.range(at: 1))] = (inside as NSString).substring(
                    with: pair.range(at: 2))
            }
            return result
        }
    }

    @Test func niceCeilingsAreOneTwoOrFiveTimesAPowerOfTen() {
        #expect(ChartScale.niceCeiling(0) == 1)
        #expect(ChartScale.niceCeiling(7) == 10)
        #expect(ChartScale.niceCeiling(10) == 10)
        #expect(ChartScale.niceCeiling(11) == 20)
        #expect(ChartScale.niceCeiling(230) == 500)
        #expect(ChartScale.niceCeiling(.nan) == 1)
        #expect(ChartScale.zeroBased([3, .infinity, 42]).upper == 50)
    }

    @Test func fractionsAreClampedAndNeverNaN() {
        let scale = ChartScale(upper: 100)
        #expect(scale.fraction(50) == 0.5)
        #expect(scale.fraction(-5) == 0 && scale.fraction(500) == 1 && scale.fraction(.nan) == 0)
        let log = ChartScale.logarithmic([99_999])
        #expect(log.upper == 5)
        #expect(abs(log.fraction(999) - 0.6) < 1e-9)
        #expect(log.ticks() == [1, 10, 100, 1_000, 10_000, 100_000])
        #expect(ChartScale(upper: 50).ticks() == [0, 10, 20, 30, 40, 50])
        #expect(ChartScale(upper: 20).ticks() == [0, 5, 10, 15, 20])
        #expect(ChartScale(upper: 1_000).ticks() == [0, 200, 400, 600, 800, 1_000])
    }

    @Test func labelsAreCompact() {
        #expect(
            ChartScale.label(1_500) == "1.5k" && ChartScale.label(2_000_000) == "2M" && ChartScale.label(45) == "45")
    }

    @Test func barLengthsAreProportionalToTheValues() {
        let svg = BarChart(bars: [
            .init(label: "a", value: 10, display: "10"), .init(label: "<b>", value: 5, display: "5"),
        ])
        .svg(title: "t").markup
        let widths = Self.elements("rect", in: svg).compactMap { $0["width"].flatMap(Double.init) }
        #expect(widths.count == 2)
        #expect(abs(widths[0] - 2 * widths[1]) < 0.2)
        #expect(svg.contains("&lt;b&gt;") && !svg.contains("<b>"))
    }

    @Test func columnsGrowWithTheirValueAndStandOnTheAxis() {
        let svg = ColumnChart(columns: [
            .init(label: "d1", value: 0), .init(label: "d2", value: 4), .init(label: "d3", value: 8),
        ])
        .svg(title: "t").markup
        let bars = Self.elements("rect", in: svg)
        #expect(bars.count == 3)
        let heights = bars.compactMap { $0["height"].flatMap(Double.init) }
        let bottoms = zip(bars.compactMap { $0["y"].flatMap(Double.init) }, heights).map { $0 + $1 }
        #expect(heights[0] == 0 && heights[2] > heights[1] && abs(heights[2] - 2 * heights[1]) < 0.2)
        #expect(Set(bottoms.map { ($0 * 10).rounded() }).count == 1, "every column stands on the same axis")
    }

    @Test func aLineHasOnePointPerDayAndAGapWhereADayHasNoValue() {
        let svg = LineChart(
            days: ["a", "b", "c", "d", "e"],
            series: [.init(name: "v", values: [1, 2, 3, 4, 5]), .init(name: "e", values: [0, .nan, 1, 2, .nan])]
        ).svg(title: "t").markup
        let lines = Self.elements("polyline", in: svg)
        #expect(lines.map { $0["points"]?.split(separator: " ").count } == [5, 2], "the unknown day is not drawn as 0")
        #expect(Self.elements("circle", in: svg).count == 1, "a day alone between gaps is a dot")
        #expect(!svg.contains("nan") && !svg.contains("NaN"))
        #expect(LineChart.runs(of: [.nan, 1, 2, .nan, .nan, 3]) == [1..<3, 5..<6])
    }

    @Test func everyScatterPointIsDrawn() {
        let points = (0..<1_000).map { ScatterPlot.Point(x: Double($0 % 100), y: Double($0 * 37)) }
        let svg = ScatterPlot(
            points: points, xScale: ChartScale(upper: 100), yScale: .logarithmic(points.map(\.y)), xTitle: "x",
            yTitle: "y"
        ).svg(title: "t").markup
        let path = try! #require(Self.elements("path", in: svg).first)
        #expect(path["d"]?.filter { $0 == "M" }.count == 1_000)
        #expect(path["data-points"] == "1000")
        // Inside the plot: x from the left margin to the right edge.
        let xs = path["d"]!.split(separator: "M").compactMap { Double($0.split(separator: " ")[0]) }
        #expect(xs.min()! >= ScatterPlot.left && xs.max()! <= ScatterPlot.width)
        // Videos on the same pixel are one dot, and still counted.
        let same = ScatterPlot(
            points: [.init(x: 5, y: 10), .init(x: 5, y: 10), .init(x: 50, y: 10)], xScale: ChartScale(upper: 100),
            yScale: ChartScale(upper: 100), xTitle: "x", yTitle: "y"
        ).svg(title: "t").markup
        let samePath = try! #require(Self.elements("path", in: same).first)
        #expect(samePath["d"]?.filter { $0 == "M" }.count == 2 && samePath["data-points"] == "3")
    }

    @Test func stackedPartsAreLaidEndToEnd() {
        let svg = StackedBar(parts: [
            .init(name: "a", value: 50), .init(name: "b", value: 20), .init(name: "c", value: 10),
            .init(name: "d", value: 5),
        ])
        .svg(title: "t").markup
        let rects = Self.elements("rect", in: svg).dropFirst()  // the track
        let xs = rects.compactMap { $0["x"].flatMap(Double.init) }
        let widths = rects.compactMap { $0["width"].flatMap(Double.init) }
        #expect(widths == [150, 60, 30, 15])
        #expect(xs == [0, 150, 210, 240])
    }
}
