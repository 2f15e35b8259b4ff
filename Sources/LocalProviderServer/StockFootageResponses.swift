import Foundation

/// Answers in the stock-footage APIs' documented shapes, for the clips tests (issue 9): Pexels'
/// `GET /videos/search` (https://www.pexels.com/api/documentation/#videos-search) and Pixabay's
/// `GET /api/videos/` (https://pixabay.com/api/docs/#api_search_videos), plus file bytes and
/// redirects, as their file links answer.
extension LocalProviderServer.Response {
    /// One video of a search answer: its id, author, and the renditions (width, height, link).
    package struct StockVideo: Sendable {
        package var id: Int
        package var author: String
        package var durationSeconds: Int
        package var files: [(width: Int, height: Int, link: String)]
        /// Each file's size in bytes, as Pixabay announces it (`size`); 123456 when not given.
        package var sizes: [Int]

        package init(
            id: Int, author: String, durationSeconds: Int, files: [(width: Int, height: Int, link: String)],
            sizes: [Int] = []
        ) {
            self.id = id
            self.author = author
            self.durationSeconds = durationSeconds
            self.files = files
            self.sizes = sizes
        }
    }

    /// A Pexels video search answer (`page`, `per_page`, `total_results`, `url`, `videos[]` with
    /// `video_files[]` and `user`), plus an HLS rendition without sizes, as Pexels sends.
    package static func pexelsVideos(_ videos: [StockVideo], page: Int = 1) -> Self {
        json([
            "page": page, "per_page": 15, "total_results": videos.count,
            "url": "https://www.pexels.com/search/videos/test/",
            "videos": videos.map { video in
                [
                    "id": video.id, "width": video.files.first?.width ?? 1080,
                    "height": video.files.first?.height ?? 1920,
                    "url": "https://www.pexels.com/video/test-\(video.id)/",
                    "image": "https://images.pexels.com/videos/\(video.id)/pictures/preview-0.jpg",
                    "duration": video.durationSeconds, "full_res": NSNull(), "tags": [String](), "avg_color": NSNull(),
                    "user": [
                        "id": 1000 + video.id, "name": video.author, "url": "https://www.pexels.com/@author\(video.id)",
                    ],
                    "video_files": video.files.enumerated().map { index, file in
                        [
                            "id": video.id * 10 + index, "quality": file.width >= 1080 ? "hd" : "sd",
                            "file_type": "video/mp4",
                            "width": file.width, "height": file.height, "fps": 30.0, "link": file.link,
                        ] as [String: Any]
                    } + [
                        [
                            "id": video.id * 10 + 9, "quality": "hls", "file_type": "video/mp4", "width": NSNull(),
                            "height": NSNull(), "fps": NSNull(),
                            "link": "https://player.vimeo.com/external/\(video.id).m3u8",
                        ] as [String: Any]
                    ],
                    "video_pictures": [
                        ["id": video.id, "picture": "https://images.pexels.com/\(video.id).jpg", "nr": 0]
                    ],
                ] as [String: Any]
            },
        ])
    }

    /// A Pixabay video search answer (`total`, `totalHits`, `hits[]` with `videos.{large,medium,
    /// small,tiny}`); a missing rendition has an empty `url` and zero sizes, as Pixabay sends.
    package static func pixabayVideos(_ videos: [StockVideo]) -> Self {
        json([
            "total": videos.count, "totalHits": videos.count,
            "hits": videos.map { video in
                var renditions: [String: Any] = [:]
                for (index, name) in ["large", "medium", "small", "tiny"].enumerated() {
                    let file = index < video.files.count ? video.files[index] : (width: 0, height: 0, link: "")
                    renditions[name] = [
                        "url": file.link, "width": file.width, "height": file.height,
                        "size": file.link.isEmpty ? 0 : index < video.sizes.count ? video.sizes[index] : 123_456,
                        "thumbnail": "https://cdn.pixabay.com/video/\(video.id)-thumb.jpg",
                    ]
                }
                return [
                    "id": video.id, "pageURL": "https://pixabay.com/videos/test-\(video.id)/", "type": "film",
                    "tags": "test, clip", "duration": video.durationSeconds, "videos": renditions, "views": 10,
                    "downloads": 1,
                    "likes": 1, "comments": 0, "user_id": 2000 + video.id, "user": video.author,
                    "userImageURL": "https://cdn.pixabay.com/user/\(video.id).png",
                ] as [String: Any]
            },
        ])
    }

    /// File bytes (a clip's download).
    package static func file(_ data: Data, contentType: String = "video/mp4") -> Self {
        Self(status: 200, headers: ["Content-Type": contentType], body: data)
    }

    /// A redirect, as Pexels' file links answer with its CDN's address.
    package static func redirect(to location: String, status: Int = 302) -> Self {
        Self(status: status, headers: ["Location": location], body: Data())
    }
}
