import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// One bar made of parts laid end to end (a niche's score: views, engagement, revenue, trend
/// bonus, out of 100), each part its own colour class.
struct StackedBar: Sendable, Equatable {
    package struct Part: Sendable, Equatable {
        package var name: String
        package var value: Double
    }

    package var parts: [Part]
    package var maximum: Double = 100
    package static let width = 300.0
    package static let height = 14.0

    func svg(title: String) -> HTML {
        let widths = parts.map { Self.width * min(1, max(0, $0.value.isFinite ? $0.value : 0) / maximum) }
        let starts = widths.indices.map { widths[..<$0].reduce(0, +) }
        return HTML.element(
            "svg",
            [
                "class": "stack", "viewBox": "0 0 \(Int(Self.width)) \(Int(Self.height))",
                "preserveAspectRatio": "none",
                "role": "img", "aria-label": title,
            ]
        ) {
            HTML.element("title") { title }
            HTML.selfClosing(
                "rect",
                [
                    "class": "track", "x": "0", "y": "0", "width": Self.width.svgCoordinate,
                    "height": Self.height.svgCoordinate,
                ])
            for (number, part) in parts.enumerated() {
                HTML.element(
                    "rect",
                    [
                        "class": "s\(number + 1)", "x": starts[number].svgCoordinate, "y": "0",
                        "width": widths[number].svgCoordinate,
                        "height": Self.height.svgCoordinate,
                    ]
                ) { HTML.element("title") { part.name } }
            }
        }
    }
}
