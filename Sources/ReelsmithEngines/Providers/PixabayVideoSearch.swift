import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// Pixabay's answer to `GET /api/videos/?key=…&q=…` (https://pixabay.com/api/docs/#api_search_videos),
/// in the API's own nouns. A rendition Pixabay does not have comes with an empty `url` and 0 sizes.
struct PixabayVideoSearch: Sendable, Decodable {
    package var total: Int?
    package var totalHits: Int?
    package var hits: [PixabayVideo]
}

struct PixabayVideo: Sendable, Decodable {
    struct Rendition: Sendable, Decodable {
        package var url: String
        package var width: Int
        package var height: Int
        package var size: Int?
    }

    struct Renditions: Sendable, Decodable {
        package var large: Rendition?
        package var medium: Rendition?
        package var small: Rendition?
        package var tiny: Rendition?

        package var all: [Rendition] {
            [large, medium, small, tiny].compactMap { $0 }.filter { !$0.url.isEmpty && $0.width > 0 }
        }
    }

    package var id: Int
    package var pageURL: String
    package var tags: String?
    package var duration: Double?
    package var videos: Renditions
    package var user: String
    var userId: Int?

    enum CodingKeys: String, CodingKey {
        case id, pageURL, tags, duration, videos, user
        case userId = "user_id"
    }
}
