import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// Pexels' answer to `GET /videos/search` (https://www.pexels.com/api/documentation/#videos-search),
/// in the API's own nouns. Only the fields Reelsmith reads; widths and heights may be null (HLS
/// renditions), so they are optional.
struct PexelsVideoSearch: Sendable, Decodable {
    package var page: Int?
    var totalResults: Int?
    package var videos: [PexelsVideo]

    enum CodingKeys: String, CodingKey {
        case page, videos
        case totalResults = "total_results"
    }
}

struct PexelsVideo: Sendable, Decodable {
    package struct User: Sendable, Decodable {
        package var id: Int?
        package var name: String
        package var url: String?
    }

    struct VideoFile: Sendable, Decodable {
        package var id: Int?
        package var quality: String?
        var fileType: String?
        package var width: Int?
        package var height: Int?
        package var link: String

        enum CodingKeys: String, CodingKey {
            case id, quality, width, height, link
            case fileType = "file_type"
        }
    }

    package var id: Int
    package var width: Int?
    package var height: Int?
    /// The video's page on pexels.com.
    package var url: String
    package var duration: Double?
    package var user: User
    var videoFiles: [VideoFile]

    enum CodingKeys: String, CodingKey {
        case id, width, height, url, duration, user
        case videoFiles = "video_files"
    }
}
