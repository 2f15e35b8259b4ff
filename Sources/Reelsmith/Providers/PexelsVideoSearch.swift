import Foundation

/// Pexels' answer to `GET /videos/search` (https://www.pexels.com/api/documentation/#videos-search),
/// in the API's own nouns. Only the fields Reelsmith reads; widths and heights may be null (HLS
/// renditions), so they are optional.
struct PexelsVideoSearch: Sendable, Decodable {
    var page: Int?
    var totalResults: Int?
    var videos: [PexelsVideo]

    enum CodingKeys: String, CodingKey {
        case page, videos
        case totalResults = "total_results"
    }
}

struct PexelsVideo: Sendable, Decodable {
    struct User: Sendable, Decodable {
        var id: Int?
        var name: String
        var url: String?
    }

    struct VideoFile: Sendable, Decodable {
        var id: Int?
        var quality: String?
        var fileType: String?
        var width: Int?
        var height: Int?
        var link: String

        enum CodingKeys: String, CodingKey {
            case id, quality, width, height, link
            case fileType = "file_type"
        }
    }

    var id: Int
    var width: Int?
    var height: Int?
    /// The video's page on pexels.com.
    var url: String
    var duration: Double?
    var user: User
    var videoFiles: [VideoFile]

    enum CodingKeys: String, CodingKey {
        case id, width, height, url, duration, user
        case videoFiles = "video_files"
    }
}
