import Foundation
import GRDB
import ReelsmithCore

/// One video the score is checked against (issue 23): its criteria (our own video's from
/// `video_criteria`, an external one's from its caption), its latest numbers and when it was posted.
package struct ScoreSample: Sendable, Equatable {
    /// Points in ``VideoCriteria/names`` order; nil where unknown.
    package var criteria: [Int?]
    package var views: Int
    package var engagementRate: Double?
    /// Words of the hook: the spoken hook of our own video, the caption's first sentence of an external one.
    package var hookWords: Int?
    /// Unix seconds the video was posted (the TikTok id's upper 32 bits), else recorded: the time split's order.
    package var postedAt: Int64
    package var isExternal: Bool
    /// The model's total and the offline rubric's, for our own videos scored by a model.
    package var modelScore: Int?
    package var offlineScore: Int?

    package init(
        criteria: [Int?], views: Int, engagementRate: Double? = nil, hookWords: Int? = nil, postedAt: Int64,
        isExternal: Bool, modelScore: Int? = nil, offlineScore: Int? = nil
    ) {
        self.criteria = criteria
        self.views = views
        self.engagementRate = engagementRate
        self.hookWords = hookWords
        self.postedAt = postedAt
        self.isExternal = isExternal
        self.modelScore = modelScore
        self.offlineScore = offlineScore
    }

    /// Every video with views and at least one known criterion, oldest first.
    package static func fetchAll(_ db: Database) throws -> [ScoreSample] {
        let names = VideoCriteria.names
        let criteria = names.map { "CASE WHEN v.is_external = 1 THEN cc.\($0) ELSE vc.\($0) END" }
        // A TikTok id carries its creation time in its upper 32 bits (FIELD-NOTES).
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT \(criteria.joined(separator: ", ")), l.views, l.engagement_rate,
                    CASE WHEN v.is_external = 1 THEN cc.hook_words ELSE l.hook_length END,
                    CASE WHEN v.tiktok_id GLOB '[0-9]*' AND length(v.tiktok_id) BETWEEN 11 AND 19
                        THEN CAST(v.tiktok_id AS INTEGER) >> 32
                        ELSE CAST(strftime('%s', v.created_at) AS INTEGER) END AS posted_at,
                    v.is_external, v.score_engine, v.virality_score, v.offline_virality_score
                FROM videos v JOIN learning_data l ON l.video_id = v.id
                    LEFT JOIN video_criteria vc ON vc.video_id = v.id
                    LEFT JOIN caption_criteria cc ON cc.video_id = v.id
                WHERE l.views IS NOT NULL
                ORDER BY posted_at, v.id
                """)
        var samples: [ScoreSample] = []
        let count = names.count
        while let row = try rows.next() {
            let points = (0..<count).map { row[$0] as Int? }
            guard points.contains(where: { $0 != nil }) else { continue }
            let isExternal: Bool = row[count + 4]
            let engine: String? = row[count + 5]
            let isModel = !isExternal && engine.map { !$0.hasPrefix("offline") } == true
            samples.append(
                ScoreSample(
                    criteria: points, views: row[count], engagementRate: row[count + 1], hookWords: row[count + 2],
                    postedAt: row[count + 3] ?? 0, isExternal: isExternal, modelScore: isModel ? row[count + 6] : nil,
                    offlineScore: isModel ? row[count + 7] : nil))
        }
        return samples
    }
}
