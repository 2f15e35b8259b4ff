import Foundation
import GRDB
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// What `reelsmith status` shows, read from the learning index while the daemon runs.
package struct DaemonStatus: Sendable, Equatable {
    package struct Running: Sendable, Equatable {
        package var source: String
        package var stage: String?
        /// 0…1 during a render.
        package var progress: Double?
    }

    package struct Failure: Sendable, Equatable {
        package var source: String
        package var message: String
        package var at: Date
    }

    package var queued: Int
    package var running: [Running]
    package var done: Int
    package var failed: Int
    package var duplicates: Int
    package var lastErrors: [Failure]

    package static func read(from index: LearningIndex, lastErrorCount: Int = 5) throws -> DaemonStatus {
        try index.database.read { db in
            let counts = Dictionary(
                uniqueKeysWithValues: try Row.fetchAll(
                    db, sql: "SELECT state, COUNT(*) AS n FROM journal GROUP BY state"
                )
                .map { ($0["state"] as String, $0["n"] as Int) })
            let running = try Row.fetchAll(
                db,
                sql: """
                    SELECT journal.source, jobs.stage, jobs.progress FROM journal
                    LEFT JOIN jobs ON jobs.content_hash = journal.content_hash AND jobs.state = 'running'
                    WHERE journal.state = 'running' ORDER BY journal.id
                    """
            ).map { row in
                Running(
                    source: row["source"], stage: row["stage"], progress: row["stage"] == nil ? nil : row["progress"])
            }
            let failures = try Row.fetchAll(
                db,
                sql: "SELECT source, message, finished_at FROM journal WHERE state = 'failed' ORDER BY id DESC LIMIT ?",
                arguments: [lastErrorCount]
            ).map { Failure(source: $0["source"], message: $0["message"] ?? "", at: $0["finished_at"] ?? Date()) }
            // `reelsmith process` runs jobs without the daemon's journal: its jobs count too.
            let processed = Dictionary(
                uniqueKeysWithValues: try Row.fetchAll(
                    db,
                    sql: """
                        SELECT state, COUNT(*) AS n FROM jobs
                        WHERE state IN ('published', 'failed')
                          AND content_hash NOT IN (SELECT content_hash FROM journal)
                        GROUP BY state
                        """
                )
                .map { ($0["state"] as String, $0["n"] as Int) })
            return DaemonStatus(
                queued: counts["claimed"] ?? 0, running: running,
                done: (counts["done"] ?? 0) + (processed["published"] ?? 0),
                failed: (counts["failed"] ?? 0) + (processed["failed"] ?? 0),
                duplicates: counts["duplicate"] ?? 0, lastErrors: failures)
        }
    }
}
