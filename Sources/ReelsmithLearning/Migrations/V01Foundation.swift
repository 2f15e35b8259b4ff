import Foundation
import GRDB
import ReelsmithCore

extension LearningIndex {
    /// Trends, videos, analytics, niches, learning data and jobs.
    static func registerFoundationMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v1-foundation") { db in
            try db.create(table: "trends") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("title", .text).notNull()
                t.column("url", .text)
                t.column("views", .integer).notNull().check { $0 >= 0 }
                t.column("engagement", .integer).notNull().check { $0 >= 0 }
                t.column("niche", .text).notNull().indexed()
                t.column("date", .text).notNull()
                t.column("source_file", .text)
            }
            try db.create(table: "niches") { t in
                t.primaryKey("name", .text)
                t.column("profitability_score", .double).notNull().defaults(to: 0)
                t.column("trend_count", .integer).notNull().defaults(to: 0)
                t.column("video_count", .integer).notNull().defaults(to: 0)
                t.column("total_views", .integer).notNull().defaults(to: 0)
                t.column("total_engagement", .integer).notNull().defaults(to: 0)
                t.column("total_revenue", .double).notNull().defaults(to: 0)
                t.column("avg_views", .double).notNull().defaults(to: 0)
                t.column("avg_engagement", .double).notNull().defaults(to: 0)
                t.column("avg_revenue", .double).notNull().defaults(to: 0)
                t.column("trending", .integer).notNull().defaults(to: 0)
                t.column("updated_at", .datetime).notNull()
            }
            try db.create(table: "videos") { t in
                t.primaryKey("id", .text)
                t.column("niche", .text).notNull().indexed()
                t.column("topic", .text)
                t.column("title", .text).notNull()
                t.column("language", .text).notNull()
                t.column("virality_score", .integer).notNull().check { $0 >= 0 && $0 <= 100 }
                t.column("duration_seconds", .double).notNull()
                t.column("hook_length", .integer).notNull()
                t.column("hashtag_count", .integer).notNull()
                t.column("has_cta", .boolean).notNull()
                t.column("description", .text).notNull()
                t.column("hashtags", .text).notNull()
                t.column("folder", .text)
                t.column("tiktok_id", .text).unique()
                t.column("is_external", .boolean).notNull().defaults(to: false)
                t.column("created_at", .datetime).notNull()
            }
            try db.create(table: "analytics") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("video_id", .text).notNull().indexed().references("videos", onDelete: .cascade)
                t.column("views", .integer).notNull().check { $0 >= 0 }
                t.column("likes", .integer).notNull().defaults(to: 0)
                t.column("shares", .integer).notNull().defaults(to: 0)
                t.column("comments", .integer).notNull().defaults(to: 0)
                t.column("revenue", .double).notNull().defaults(to: 0)
                t.column("date", .text).notNull()
                t.column("source_file", .text)
                t.column("imported_at", .datetime).notNull()
            }
            try db.create(table: "learning_data") { t in
                t.primaryKey("video_id", .text).references("videos", onDelete: .cascade)
                t.column("niche", .text).notNull()
                t.column("virality_score", .integer).notNull()
                t.column("duration_seconds", .double).notNull()
                t.column("hook_length", .integer).notNull()
                t.column("hashtag_count", .integer).notNull()
                t.column("has_cta", .boolean).notNull()
                t.column("views", .integer)
                t.column("engagement_rate", .double)
                t.column("updated_at", .datetime).notNull()
            }
            try db.create(table: "jobs") { t in
                t.primaryKey("id", .text)
                t.column("kind", .text).notNull().check { ["request", "trends", "analytics"].contains($0) }
                t.column("input", .text).notNull()
                t.column("content_hash", .text).notNull().indexed()
                t.column("state", .text).notNull().check { ["queued", "running", "published", "failed"].contains($0) }
                t.column("stage", .text)
                t.column("progress", .double).notNull().defaults(to: 0)
                t.column("error", .text)
                t.column("output", .text)
                t.column("created_at", .datetime).notNull()
                t.column("updated_at", .datetime).notNull()
            }
        }
    }
}
