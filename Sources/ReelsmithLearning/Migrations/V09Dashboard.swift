import Foundation
import GRDB
import ReelsmithCore

extension LearningIndex {
    /// Issue 10: what the dashboard shows and `report.json` alone knew — each video's five
    /// criteria and each job's stage times — kept in the index, so the page is written from one
    /// read transaction instead of opening 10,000 report files.
    static func registerDashboardMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v9-dashboard") { db in
            try db.create(table: "video_criteria") { t in
                t.primaryKey("video_id", .text).references("videos", onDelete: .cascade)
                for name in VideoCriteria.names {
                    t.column(name, .integer).notNull().check { $0 >= 0 && $0 <= 100 }
                }
            }
            try db.create(table: "stage_timings") { t in
                t.column("job_id", .text).notNull().references("jobs", onDelete: .cascade)
                t.column("stage", .text).notNull()
                t.column("seconds", .double).notNull().check { $0 >= 0 }
                t.column("reused", .boolean).notNull()
                t.primaryKey(["job_id", "stage"])
            }
        }
    }
}
