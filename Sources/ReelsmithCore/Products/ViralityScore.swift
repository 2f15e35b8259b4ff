/// A script's virality score (DESIGN §2, stage 2): the seed's five criteria with their points.
package struct ViralityScore: Sendable, Codable, Equatable {
    package var total: Int
    package var criteria: [Criterion]

    package struct Criterion: Sendable, Codable, Equatable {
        /// `hook`, `structure`, `timing`, `emotional_triggers` or `seo_hashtags`.
        package var name: String
        package var points: Int
        package var maximum: Int
        package var reason: String

        package init(name: String, points: Int, maximum: Int, reason: String) {
            self.name = name
            self.points = points
            self.maximum = maximum
            self.reason = reason
        }
    }

    package init(criteria: [Criterion]) {
        self.criteria = criteria
        self.total = criteria.reduce(0) { $0 + $1.points }
    }

    package func points(for name: String) -> Int? { criteria.first { $0.name == name }?.points }
}
