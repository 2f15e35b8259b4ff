import Foundation
import ReelsmithCore

/// Spearman's rank correlation between a feature and views, with its sample size and two-sided
/// p-value (t-test with n − 2 degrees of freedom, as scipy's `spearmanr`). Ties get their average rank.
package struct SpearmanCorrelation: Sendable, Codable, Equatable {
    /// −1…1; nil when one of the two series is constant (no ranking to compare).
    package var rho: Double?
    package var sampleSize: Int
    package var pValue: Double?

    enum CodingKeys: String, CodingKey {
        case rho
        case sampleSize = "sample_size"
        case pValue = "p_value"
    }

    package init(_ x: [Double], _ y: [Double]) {
        precondition(x.count == y.count, "paired samples")
        sampleSize = x.count
        guard x.count >= 3 else { return }
        let rankX = Self.ranks(x)
        let rankY = Self.ranks(y)
        let meanX = rankX.reduce(0, +) / Double(x.count)
        let meanY = rankY.reduce(0, +) / Double(y.count)
        var covariance = 0.0
        var varianceX = 0.0
        var varianceY = 0.0
        for index in 0..<x.count {
            let dx = rankX[index] - meanX
            let dy = rankY[index] - meanY
            covariance += dx * dy
            varianceX += dx * dx
            varianceY += dy * dy
        }
        guard varianceX > 0, varianceY > 0 else { return }
        let rho = max(-1, min(1, covariance / (varianceX * varianceY).squareRoot()))
        self.rho = rho
        let degrees = Double(x.count - 2)
        if abs(rho) >= 1 {
            pValue = 0
        } else {
            let t = rho * (degrees / (1 - rho * rho)).squareRoot()
            pValue = Self.regularizedIncompleteBeta(degrees / (degrees + t * t), a: degrees / 2, b: 0.5)
        }
    }

    /// 1-based ranks, ties sharing their average rank.
    static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
            let average = Double(start + end) / 2 + 1
            for position in start...end { ranks[order[position]] = average }
            start = end + 1
        }
        return ranks
    }

    /// I_x(a, b) by Lentz's continued fraction (Numerical Recipes, `betai`).
    static func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logGammas: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
        let logPowers: Double = a * log(x) + b * log(1 - x)
        let logFront = logGammas + logPowers
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) * continuedFraction(x, a: a, b: b) / a
        }
        return 1 - exp(logFront) * continuedFraction(1 - x, a: b, b: a) / b
    }

    private static func continuedFraction(_ x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var result = d
        for m in 1...300 {
            let m = Double(m)
            let evenDenominator: Double = (a + 2 * m - 1) * (a + 2 * m)
            let even: Double = m * (b - m) * x / evenDenominator
            d = 1 + even * d
            if abs(d) < tiny { d = tiny }
            c = 1 + even / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            result *= d * c
            let oddDenominator: Double = (a + 2 * m) * (a + 2 * m + 1)
            let odd: Double = -(a + m) * (a + b + m) * x / oddDenominator
            d = 1 + odd * d
            if abs(d) < tiny { d = tiny }
            c = 1 + odd / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            result *= delta
            if abs(delta - 1) < 1e-12 { break }
        }
        return result
    }
}
