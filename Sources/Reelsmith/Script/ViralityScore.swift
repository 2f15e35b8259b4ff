/// A script's virality score (DESIGN §2, stage 2): the seed's five criteria with their points.
public struct ViralityScore: Sendable, Codable, Equatable {
    public var total: Int
    public var criteria: [Criterion]

    public struct Criterion: Sendable, Codable, Equatable {
        /// `hook`, `structure`, `timing`, `emotional_triggers` or `seo_hashtags`.
        public var name: String
        public var points: Int
        public var maximum: Int
        public var reason: String
    }

    init(criteria: [Criterion]) {
        self.criteria = criteria
        self.total = criteria.reduce(0) { $0 + $1.points }
    }

    public func points(for name: String) -> Int? { criteria.first { $0.name == name }?.points }
}
