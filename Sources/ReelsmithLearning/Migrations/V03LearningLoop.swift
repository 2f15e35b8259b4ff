import Foundation
import GRDB
import ReelsmithCore

extension LearningIndex {
    /// The learning loop's schema (issue 4):
    /// - a trend is one row per (niche, title, date): the same trends file ingested twice updates
    ///   its numbers instead of counting them twice;
    /// - an analytics row is a snapshot of a video's cumulative numbers on a day, one per
    ///   (video, day): re-importing an export replaces that day's numbers, a newer export adds history;
    /// - `learning_data` is rebuilt so that a video seen only in a TikTok export (`is_external`)
    ///   can leave the features it cannot know (duration, hook, virality, CTA) NULL instead of a
    ///   made-up 0, and carries each video's latest numbers for the insights.
    static func registerLearningLoopMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-learning-loop") { db in
            try db.execute(sql: "UPDATE trends SET niche = lower(trim(niche))")
            try db.execute(
                sql: "DELETE FROM trends WHERE id NOT IN (SELECT max(id) FROM trends GROUP BY niche, title, date)")
            try db.create(index: "trends_on_identity", on: "trends", columns: ["niche", "title", "date"], unique: true)
            try db.create(index: "trends_on_date", on: "trends", columns: ["date"])

            try db.execute(
                sql: "DELETE FROM analytics WHERE id NOT IN (SELECT max(id) FROM analytics GROUP BY video_id, date)")
            try db.create(index: "analytics_on_snapshot", on: "analytics", columns: ["video_id", "date"], unique: true)

            try db.create(table: "learning_data_v3") { t in
                t.primaryKey("video_id", .text).references("videos", onDelete: .cascade)
                t.column("niche", .text).notNull()
                t.column("is_external", .boolean).notNull().defaults(to: false)
                t.column("virality_score", .integer).check { $0 >= 0 && $0 <= 100 }
                t.column("duration_seconds", .double).check { $0 > 0 }
                t.column("hook_length", .integer).check { $0 >= 0 }
                t.column("hashtag_count", .integer).notNull().check { $0 >= 0 }
                t.column("has_cta", .boolean)
                t.column("caption_words", .integer).check { $0 >= 0 }
                t.column("posted_on", .text)
                t.column("views", .integer).check { $0 >= 0 }
                t.column("likes", .integer).check { $0 >= 0 }
                t.column("comments", .integer).check { $0 >= 0 }
                t.column("shares", .integer).check { $0 >= 0 }
                t.column("revenue", .double).check { $0 >= 0 }
                t.column("engagement_rate", .double)
                t.column("metrics_date", .text)
                t.column("updated_at", .datetime).notNull()
                // A video we generated always knows its features; only an external one may not.
                t.check(
                    sql: """
                        is_external = 1 OR (virality_score IS NOT NULL AND duration_seconds IS NOT NULL \
                        AND hook_length IS NOT NULL AND has_cta IS NOT NULL)
                        """)
                // Latest numbers come with the day they were read.
                t.check(sql: "(views IS NULL) = (metrics_date IS NULL)")
            }
            try db.execute(
                sql: """
                    INSERT INTO learning_data_v3 (video_id, niche, is_external, virality_score, duration_seconds, hook_length,
                        hashtag_count, has_cta, views, engagement_rate, metrics_date, updated_at)
                    SELECT l.video_id, l.niche, coalesce(v.is_external, 0), l.virality_score, nullif(l.duration_seconds, 0),
                        l.hook_length, l.hashtag_count, l.has_cta, l.views, l.engagement_rate,
                        CASE WHEN l.views IS NULL THEN NULL ELSE date(l.updated_at) END, l.updated_at
                    FROM learning_data l LEFT JOIN videos v ON v.id = l.video_id
                    """)
            try db.drop(table: "learning_data")
            try db.rename(table: "learning_data_v3", to: "learning_data")
            try db.create(index: "learning_data_on_niche", on: "learning_data", columns: ["niche"])
            try db.create(index: "learning_data_on_metrics_date", on: "learning_data", columns: ["metrics_date"])
        }
    }
}
