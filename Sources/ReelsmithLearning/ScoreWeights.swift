import ReelsmithCore

/// How many of the 100 points each virality criterion is worth, in ``VideoCriteria/names`` order:
/// the seed's (hook 25, structure 25, timing 20, emotional triggers 20, SEO 10) or a creator's
/// calibrated ones (issue 23). Whole, non-negative, summing to 100.
package struct ScoreWeights: Sendable, Codable, Equatable {
    package var points: [Int]

    package static let seed = ScoreWeights(points: VideoCriteria.maximums)

    package init(points: [Int]) {
        precondition(points.count == VideoCriteria.names.count && points.allSatisfy { $0 >= 0 })
        self.points = points
    }

    /// Whole weights summing to 100 from shares of any scale (largest remainder, ties to the
    /// earlier criterion); all zero gives the seed's.
    package init(shares: [Double]) {
        let sum = shares.map { max(0, $0) }.reduce(0, +)
        guard sum > 0, sum.isFinite else {
            self = .seed
            return
        }
        let exact = shares.map { max(0, $0) / sum * 100 }
        var whole = exact.map { Int($0.rounded(.down)) }
        let order = exact.indices.sorted { (exact[$0] - Double(whole[$0]), -$0) > (exact[$1] - Double(whole[$1]), -$1) }
        for index in order.prefix(100 - whole.reduce(0, +)) { whole[index] += 1 }
        self.points = whole
    }

    /// The total out of 100 of a video's criteria (points in ``VideoCriteria/names`` order), each
    /// criterion counted as its share of its maximum. Criteria that are unknown (nil) are left out
    /// and the known ones scaled up to 100, so a back-catalogue caption (hook, emotion, SEO) is
    /// ranked on what it tells; nil when nothing weighed is known. With the seed's weights and all
    /// five known this is the seed's total.
    package func total(_ criteria: [Int?]) -> Double? {
        var weighed = 0.0
        var known = 0
        for index in points.indices {
            guard let value = criteria[index] else { continue }
            known += points[index]
            weighed += Double(points[index]) * Double(value) / Double(VideoCriteria.maximums[index])
        }
        guard known > 0 else { return nil }
        return weighed * 100 / Double(known)
    }

    /// A script's total with these weights (all five criteria known), rounded.
    package func total(_ score: ViralityScore) -> Int {
        let criteria = VideoCriteria.names.map { score.points(for: $0) }
        return Int((total(criteria) ?? 0).rounded())
    }

    /// `hook 40, structure 25, timing 20, emotional_triggers 5, seo_hashtags 10`
    package var text: String {
        zip(VideoCriteria.names, points).map { "\($0) \($1)" }.joined(separator: ", ")
    }
}
