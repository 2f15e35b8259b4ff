import Foundation
import GRDB

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

    /// Records a finished job's criteria and stage times (again, harmlessly, when a resumed run
    /// finds the job already published).
    func recordDashboardFacts(jobId: String, report: GenerationReport) throws {
        try database.write { db in
            if try VideoRecord.exists(db, key: jobId) {
                let points = VideoCriteria.names.map { report.score.points(for: $0) ?? 0 }
                try db.execute(
                    sql: "INSERT OR REPLACE INTO video_criteria (video_id, \(VideoCriteria.names.joined(separator: ", "))) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: StatementArguments([jobId as any DatabaseValueConvertible] + points.map { $0 as any DatabaseValueConvertible }))
            }
            guard try JobRecord.exists(db, key: jobId) else { return }
            for timing in report.stageTimings where timing.seconds.isFinite {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO stage_timings (job_id, stage, seconds, reused) VALUES (?, ?, ?, ?)",
                    arguments: [jobId, timing.stage.rawValue, max(0, timing.seconds), timing.reused])
            }
        }
    }
}
