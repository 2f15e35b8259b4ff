import Foundation
import GRDB
import ReelsmithCore

extension LearningIndex {
    static func registerJournalMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-journal") { db in
            try db.create(table: "journal") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("content_hash", .text).notNull().indexed()
                t.column("kind", .text)
                t.column("source", .text).notNull()
                t.column("processing_path", .text).notNull().unique()
                t.column("state", .text).notNull()
                    .check { ["claimed", "running", "done", "failed", "duplicate"].contains($0) }
                t.column("forced", .boolean).notNull().defaults(to: false)
                t.column("message", .text)
                t.column("output", .text)
                t.column("final_path", .text)
                t.column("settled_at", .double)
                t.column("started_at", .double)
                t.column("claimed_at", .datetime).notNull()
                t.column("finished_at", .datetime)
            }
            // The same content finishes once, unless the file asks for `force: true`.
            try db.execute(
                sql:
                    "CREATE UNIQUE INDEX journal_done_once ON journal(content_hash) WHERE state = 'done' AND forced = 0"
            )
        }
    }
}
