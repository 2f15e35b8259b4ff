import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// Maps data values onto a chart's drawing range, from zero (or the data's minimum) to a "nice"
/// maximum (1, 2 or 5 times a power of ten) so that the gridlines fall on round numbers.
/// Non-finite values are treated as zero: a chart never draws NaN.
struct ChartScale: Sendable, Equatable {
    package var lower: Double
    package var upper: Double
    /// `true`: log10 of (1 + value), for views that span orders of magnitude.
    var isLogarithmic = false

    package init(lower: Double = 0, upper: Double, isLogarithmic: Bool = false) {
        self.isLogarithmic = isLogarithmic
        self.lower = lower
        self.upper = upper > lower ? upper : lower + 1
    }

    /// A scale from 0 to a nice number at or above the largest value.
    static func zeroBased(_ values: some Sequence<Double>) -> ChartScale {
        let largest = values.reduce(0) { $1.isFinite ? max($0, $1) : $0 }
        return ChartScale(upper: niceCeiling(largest))
    }

    /// A log scale over 1 + value, from 10^0 to the next power of ten above the largest value.
    static func logarithmic(_ values: some Sequence<Double>) -> ChartScale {
        let largest = values.reduce(0) { $1.isFinite ? max($0, $1) : $0 }
        return ChartScale(upper: max(1, ceil(log10(1 + largest))), isLogarithmic: true)
    }

    /// 1, 2 or 5 × 10^k, the smallest at or above `value` (1 for 0 or less).
    static func niceCeiling(_ value: Double) -> Double {
        guard value.isFinite, value > 0 else { return 1 }
        let magnitude = pow(10, floor(log10(value)))
        for step in [1.0, 2, 5, 10] where step * magnitude >= value * (1 - 1e-12) { return step * magnitude }
        return 10 * magnitude
    }

    /// The fraction 0…1 of the range `value` sits at, clamped.
    package func fraction(_ value: Double) -> Double {
        guard value.isFinite else { return 0 }
        let mapped = isLogarithmic ? log10(1 + max(0, value)) : value
        return min(1, max(0, (mapped - lower) / (upper - lower)))
    }

    /// The values at the gridlines from lower to upper (data units): round steps when the range
    /// is a nice number (0…50 by 10, 0…20 by 5), else `count` equal steps.
    package func ticks(count: Int? = nil) -> [Double] {
        if isLogarithmic { return stride(from: lower, through: upper, by: 1).map { pow(10, $0) } }
        let range = upper - lower
        let mantissa = range / pow(10, floor(log10(range)))
        let steps = count ?? (abs(mantissa - 2) < 1e-9 ? 4 : 5)
        return (0...steps).map { lower + range * Double($0) / Double(steps) }
    }

    /// A compact label: 1.2k, 3M, 45.
    package static func label(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        let magnitude = abs(value)
        if magnitude >= 1_000_000 { return trimmed(value / 1_000_000) + "M" }
        if magnitude >= 1_000 { return trimmed(value / 1_000) + "k" }
        return trimmed(value)
    }

    private static func trimmed(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int(tenths / 10)) : String(tenths / 10)
    }
}

extension Double {
    /// A coordinate with at most one decimal, for compact SVG.
    var svgCoordinate: String {
        guard isFinite else { return "0" }
        let tenths = Int((self * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : String(Double(tenths) / 10)
    }
}
