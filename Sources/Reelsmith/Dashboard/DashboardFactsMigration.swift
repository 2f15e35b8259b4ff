import Foundation
import GRDB
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

extension LearningIndex {

    /// Records a finished job's criteria and stage times (again, harmlessly, when a resumed run
    /// finds the job already published).
    func recordDashboardFacts(jobId: String, report: GenerationReport) throws {
        try database.write { db in
            if try VideoRecord.exists(db, key: jobId) {
                let points = VideoCriteria.names.map { report.score.points(for: $0) ?? 0 }
                try db.execute(
                    sql:
                        "INSERT OR REPLACE INTO video_criteria (video_id, \(VideoCriteria.names.joined(separator: ", "))) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: StatementArguments(
                        [jobId as any DatabaseValueConvertible] + points.map { $0 as any DatabaseValueConvertible }))
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
