import ReelsmithCore

/// How sure a finding is, from its sample size and p-value: the wording of every recommendation
/// follows it, so advice drawn from 3 videos is never stated as fact.
package enum Evidence: String, Sendable, Codable, Equatable, Comparable, CaseIterable {
    /// Fewer than ``minimumSample`` videos, or nothing to rank: no conclusion at all.
    case insufficient
    /// Enough videos, but the link could well be chance (p ≥ 0.05).
    case weak
    /// Unlikely to be chance (p < 0.05).
    case moderate
    /// Clear (p < 0.01 over 20 videos or more).
    case strong

    package static let minimumSample = 8

    package init(_ correlation: SpearmanCorrelation) {
        guard correlation.sampleSize >= Self.minimumSample, correlation.rho != nil, let p = correlation.pValue else {
            self = .insufficient
            return
        }
        if p < 0.01, correlation.sampleSize >= 20 {
            self = .strong
        } else if p < 0.05 {
            self = .moderate
        } else {
            self = .weak
        }
    }

    /// Strong enough to steer the next script.
    package var isSufficient: Bool { self >= .moderate }

    package static func < (lhs: Evidence, rhs: Evidence) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
