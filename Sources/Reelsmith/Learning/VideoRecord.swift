import Foundation
import GRDB

/// A video we generated, or one seen only in a TikTok export (`isExternal`, id `tiktok-<id>`: its
/// virality score, duration and hook length are unknown, 0 here and NULL in `learning_data`).
/// The seed's `videos` collection.
struct VideoRecord: Sendable, Codable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "videos"

    public var id: String
    public var niche: String
    public var topic: String?
    public var title: String
    public var language: String
    public var viralityScore: Int
    public var durationSeconds: Double
    public var hookLength: Int
    public var hashtagCount: Int
    public var hasCta: Bool
    public var description: String
    /// JSON array of the hashtags.
    public var hashtags: String
    public var folder: String?
    public var tiktokId: String?
    public var isExternal: Bool
    public var createdAt: Date
    /// Which engine gave `viralityScore`: `offline`, `provider/model`, or `offline (fallback: …)`.
    public var scoreEngine: String? = nil
    /// The offline rubric's total when a model gave `viralityScore`: the learning loop can then
    /// tell which of the two predicts views better.
    public var offlineViralityScore: Int? = nil

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
    /// Issue 7: a video's score may come from a model; say which, and keep the rubric's beside it.
    static func registerScoreEngineMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6-score-engine") { db in
            try db.alter(table: "videos") { t in
                t.add(column: "score_engine", .text)
                t.add(column: "offline_virality_score", .integer).check { $0 >= 0 && $0 <= 100 }
            }
        }
    }
}

extension LearningIndex {
    /// Records a generated video and its features, and recomputes the niches, in one transaction; recording the same id again
    /// updates it (a resumed job records once).
    func record(video: VideoRecord) throws {
        try database.write { db in
            try video.upsert(db)
            try LearningDataRecord.features(of: video).saveFeatures(db)
            // The niche's video count changed.
            _ = try NicheAnalyzer.recompute(db, today: .today())
        }
    }

    func video(id: String) throws -> VideoRecord? {
        try database.read { db in try VideoRecord.fetchOne(db, key: id) }
    }

    func learningData(videoId: String) throws -> LearningDataRecord? {
        try database.read { db in try LearningDataRecord.fetchOne(db, key: videoId) }
    }

    func videoCount() throws -> Int {
        try database.read { db in try VideoRecord.fetchCount(db) }
    }
}
