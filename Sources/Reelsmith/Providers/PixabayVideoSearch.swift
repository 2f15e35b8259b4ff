import Foundation

/// Pixabay's answer to `GET /api/videos/?key=…&q=…` (https://pixabay.com/api/docs/#api_search_videos),
/// in the API's own nouns. A rendition Pixabay does not have comes with an empty `url` and 0 sizes.
struct PixabayVideoSearch: Sendable, Decodable {
    var total: Int?
    var totalHits: Int?
    var hits: [PixabayVideo]
}

struct PixabayVideo: Sendable, Decodable {
    struct Rendition: Sendable, Decodable {
        var url: String
        var width: Int
        var height: Int
        var size: Int?
    }

    struct Renditions: Sendable, Decodable {
        var large: Rendition?
        var medium: Rendition?
        var small: Rendition?
        var tiny: Rendition?

        var all: [Rendition] {
            [large, medium, small, tiny].compactMap { $0 }.filter { !$0.url.isEmpty && $0.width > 0 }
        }
    }

    var id: Int
    var pageURL: String
    var tags: String?
    var duration: Double?
    var videos: Renditions
    var user: String
    var userId: Int?

    enum CodingKeys: String, CodingKey {
        case id, pageURL, tags, duration, videos, user
        case userId = "user_id"
    }
}
