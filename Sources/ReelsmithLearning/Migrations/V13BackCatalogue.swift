import Foundation
import GRDB
import ReelsmithCore

extension LearningIndex {
    /// Issue 23: the criteria a video known only from an export (`is_external`) allows from its
    /// caption — hook (the caption's first sentence), emotional triggers and SEO — scored by the
    /// offline rubric of `rubric_version`. Structure and timing need the script and the duration:
    /// they stay NULL (unknown), never a made-up 0. A row of an older rubric version is scored again.
    static func registerBackCatalogueMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v13-back-catalogue") { db in
            try db.create(table: "caption_criteria") { t in
                t.primaryKey("video_id", .text).references("videos", onDelete: .cascade)
                t.column("rubric_version", .integer).notNull().check { $0 >= 1 }
                for (name, maximum) in zip(VideoCriteria.names, VideoCriteria.maximums) {
                    t.column(name, .integer).check { $0 >= 0 && $0 <= maximum }
                }
                t.column("hook_words", .integer).check { $0 >= 0 }
                t.column("scored_at", .datetime).notNull()
            }
            try db.create(
                index: "caption_criteria_on_rubric_version", on: "caption_criteria", columns: ["rubric_version"])
        }
    }
}
