/// A trend of the request's niche, used to pick a topic and cite what is working now.
package struct TrendHint: Sendable, Codable, Equatable {
    package var title: String
    package var views: Int

    package init(title: String, views: Int) {
        self.title = title
        self.views = views
    }
}
