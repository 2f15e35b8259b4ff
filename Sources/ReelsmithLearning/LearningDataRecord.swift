import Foundation
import GRDB
import ReelsmithCore

/// The features a video teaches the model with (the seed's `learning_data`) and its latest numbers.
/// An external video (seen only in a TikTok export) leaves what it cannot know NULL.
package struct LearningDataRecord: Sendable, Codable, Equatable, FetchableRecord, PersistableRecord {
    package static let databaseTableName = "learning_data"

    package var videoId: String
    package var niche: String
    package var isExternal: Bool
    package var viralityScore: Int?
    package var durationSeconds: Double?
    package var hookLength: Int?
    package var hashtagCount: Int
    package var hasCta: Bool?
    /// Words of the caption, hashtags excluded.
    package var captionWords: Int?
    package var postedOn: CalendarDay?
    package var views: Int?
    package var likes: Int?
    package var comments: Int?
    package var shares: Int?
    package var revenue: Double?
    /// (likes + comments + shares) / views of the latest numbers.
    package var engagementRate: Double?
    /// The day the latest numbers were read.
    package var metricsDate: CalendarDay?
    package var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case niche, views, likes, comments, shares, revenue
        case videoId = "video_id"
        case isExternal = "is_external"
        case viralityScore = "virality_score"
        case durationSeconds = "duration_seconds"
        case hookLength = "hook_length"
        case hashtagCount = "hashtag_count"
        case hasCta = "has_cta"
        case captionWords = "caption_words"
        case postedOn = "posted_on"
        case engagementRate = "engagement_rate"
        case metricsDate = "metrics_date"
        case updatedAt = "updated_at"
    }

    /// The features of a video we generated, without numbers yet.
    package static func features(of video: VideoRecord) -> LearningDataRecord {
        LearningDataRecord(
            videoId: video.id, niche: video.niche, isExternal: video.isExternal,
            viralityScore: video.isExternal ? nil : video.viralityScore,
            durationSeconds: video.isExternal ? nil : video.durationSeconds,
            hookLength: video.isExternal ? nil : video.hookLength, hashtagCount: video.hashtagCount,
            hasCta: video.isExternal ? nil : video.hasCta, captionWords: PostCaption(video.description).words.count,
            postedOn: nil, views: nil, likes: nil, comments: nil, shares: nil, revenue: nil, engagementRate: nil,
            metricsDate: nil, updatedAt: video.createdAt)
    }

    /// Inserts the row or updates its features, keeping the numbers an import already recorded.
    package func saveFeatures(_ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO learning_data (video_id, niche, is_external, virality_score, duration_seconds, hook_length,
                    hashtag_count, has_cta, caption_words, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(video_id) DO UPDATE SET niche = excluded.niche, is_external = excluded.is_external,
                    virality_score = excluded.virality_score, duration_seconds = excluded.duration_seconds,
                    hook_length = excluded.hook_length, hashtag_count = excluded.hashtag_count,
                    has_cta = excluded.has_cta, caption_words = excluded.caption_words, updated_at = excluded.updated_at
                """,
            arguments: [
                videoId, niche, isExternal, viralityScore, durationSeconds, hookLength, hashtagCount, hasCta,
                captionWords,
                updatedAt,
            ])
    }
}
