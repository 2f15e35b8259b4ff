import Foundation
import GRDB
import ReelsmithCore

/// The pipeline's own state for one input: what it is, where it stands, how it ended.
package struct JobRecord: Sendable, Codable, Equatable, FetchableRecord, PersistableRecord {
    package static let databaseTableName = "jobs"

    package var id: String
    package var kind: String
    package var input: String
    package var contentHash: String
    package var state: JobState
    package var stage: String?
    package var progress: Double
    package var error: String?
    package var output: String?
    package var createdAt: Date
    package var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, kind, input, state, stage, progress, error, output
        case contentHash = "content_hash"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

extension LearningIndex {
    /// Creates the job, or returns the existing one when a resumed run finds it.
    package func startJob(id: String, kind: String, input: String, contentHash: String) throws -> JobRecord {
        try database.write { db in
            let now = Date()
            if var job = try JobRecord.fetchOne(db, key: id) {
                job.state = .running
                job.error = nil
                job.updatedAt = now
                try job.update(db)
                return job
            }
            let job = JobRecord(
                id: id, kind: kind, input: input, contentHash: contentHash, state: .running, stage: nil, progress: 0,
                error: nil, output: nil, createdAt: now, updatedAt: now)
            try job.insert(db)
            return job
        }
    }

    package func updateJob(id: String, _ change: @Sendable @escaping (inout JobRecord) -> Void) throws {
        try database.write { db in
            guard var job = try JobRecord.fetchOne(db, key: id) else { return }
            change(&job)
            job.updatedAt = Date()
            try job.update(db)
        }
    }

    package func job(id: String) throws -> JobRecord? {
        try database.read { db in try JobRecord.fetchOne(db, key: id) }
    }
}
