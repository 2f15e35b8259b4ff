import Foundation
import GRDB
import ReelsmithCore

/// A video we generated, or one seen only in a TikTok export (`isExternal`, id `tiktok-<id>`: its
/// virality score, duration and hook length are unknown, 0 here and NULL in `learning_data`).
/// The seed's `videos` collection.
package struct VideoRecord: Sendable, Codable, Equatable, FetchableRecord, PersistableRecord {
    package static let databaseTableName = "videos"

    package var id: String
    package var niche: String
    package var topic: String?
    package var title: String
    package var language: String
    package var viralityScore: Int
    package var durationSeconds: Double
    package var hookLength: Int
    package var hashtagCount: Int
    package var hasCta: Bool
    package var description: String
    /// JSON array of the hashtags.
    package var hashtags: String
    package var folder: String?
    package var tiktokId: String?
    package var isExternal: Bool
    package var createdAt: Date
    /// Which engine gave `viralityScore`: `offline`, `provider/model`, or `offline (fallback: …)`.
    package var scoreEngine: String? = nil
    /// The offline rubric's total when a model gave `viralityScore`: the learning loop can then
    /// tell which of the two predicts views better.
    package var offlineViralityScore: Int? = nil

    package init(
        id: String, niche: String, topic: String? = nil, title: String, language: String, viralityScore: Int,
        durationSeconds: Double, hookLength: Int, hashtagCount: Int, hasCta: Bool, description: String,
        hashtags: String, folder: String? = nil, tiktokId: String? = nil, isExternal: Bool, createdAt: Date,
        scoreEngine: String? = nil, offlineViralityScore: Int? = nil
    ) {
        self.id = id
        self.niche = niche
        self.topic = topic
        self.title = title
        self.language = language
        self.viralityScore = viralityScore
        self.durationSeconds = durationSeconds
        self.hookLength = hookLength
        self.hashtagCount = hashtagCount
        self.hasCta = hasCta
        self.description = description
        self.hashtags = hashtags
        self.folder = folder
        self.tiktokId = tiktokId
        self.isExternal = isExternal
        self.createdAt = createdAt
        self.scoreEngine = scoreEngine
        self.offlineViralityScore = offlineViralityScore
    }

    enum CodingKeys: String, CodingKey {
        case id, niche, topic, title, language, description, hashtags, folder
        case viralityScore = "virality_score"
        case durationSeconds = "duration_seconds"
        case hookLength = "hook_length"
        case hashtagCount = "hashtag_count"
        case hasCta = "has_cta"
        case tiktokId = "tiktok_id"
        case isExternal = "is_external"
        case createdAt = "created_at"
        case scoreEngine = "score_engine"
        case offlineViralityScore = "offline_virality_score"
    }
}

extension LearningIndex {
    /// Records a generated video and its features, and recomputes the niches, in one transaction; recording the same id again
    /// updates it (a resumed job records once).
    package func record(video: VideoRecord) throws {
        try database.write { db in
            try video.upsert(db)
            try LearningDataRecord.features(of: video).saveFeatures(db)
            // The niche's video count changed.
            _ = try NicheAnalyzer.recompute(db, today: .today())
        }
    }

    package func video(id: String) throws -> VideoRecord? {
        try database.read { db in try VideoRecord.fetchOne(db, key: id) }
    }

    func learningData(videoId: String) throws -> LearningDataRecord? {
        try database.read { db in try LearningDataRecord.fetchOne(db, key: videoId) }
    }

    package func videoCount() throws -> Int {
        try database.read { db in try VideoRecord.fetchCount(db) }
    }
}
