import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// A number from a model or a server, checked before any conversion (STYLE 22): `Int(someDouble)`
/// traps at ±2^63, on infinity and on NaN, and a model answers 16-digit numbers.
enum ModelNumber {
    /// `value` rounded to a whole number when it lies in `range` (after rounding), else nil.
    package static func whole(_ value: Double, in range: ClosedRange<Int>) -> Int? {
        guard value.isFinite else { return nil }
        let rounded = value.rounded()
        guard rounded >= Double(range.lowerBound), rounded <= Double(range.upperBound) else { return nil }
        return Int(rounded)
    }

    /// A number as a model wrote it, short: "6.8e+15", "12.6", "nan".
    package static func quoted(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "not a number" : "infinite" }
        if abs(value) < 1e6, value == value.rounded() { return String(Int(value)) }
        return abs(value) < 1e6 ? String(value) : String(format: "%.2g", value)
    }
}
