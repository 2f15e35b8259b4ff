/// A trend of the request's niche, used to pick a topic and cite what is working now.
public struct TrendHint: Sendable, Codable, Equatable {
    public var title: String
    public var views: Int

    public init(title: String, views: Int) {
        self.title = title
        self.views = views
    }
}
