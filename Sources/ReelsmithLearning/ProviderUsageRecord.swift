import Foundation
import GRDB
import ReelsmithCore

/// One provider exchange's cost, kept per job in the learning index (DESIGN §7: "each stage
/// records what it spent"): `reelsmith status` and `report.json` sum these rows.
struct ProviderUsageRecord: Sendable, Codable, Equatable, FetchableRecord, PersistableRecord {
    package static let databaseTableName = "provider_usage"

    package var id: Int64?
    package var jobId: String
    package var stage: String
    package var provider: String
    package var model: String
    package var requests: Int
    package var promptTokens: Int
    package var completionTokens: Int
    package var seconds: Double
    package var images: Int
    package var characters: Int
    package var audioSeconds: Double
    var recordedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, stage, provider, model, requests, seconds
        case jobId = "job_id"
        case promptTokens = "prompt_tokens"
        case completionTokens = "completion_tokens"
        case recordedAt = "recorded_at"
        case images, characters
        case audioSeconds = "audio_seconds"
    }

    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension LearningIndex {

    package func record(usage: ProviderUsage, jobId: String, at date: Date = Date()) throws {
        try database.write { db in
            let record = ProviderUsageRecord(
                id: nil, jobId: jobId, stage: usage.stage.rawValue, provider: usage.provider, model: usage.model,
                requests: max(0, usage.requests), promptTokens: max(0, usage.promptTokens),
                completionTokens: max(0, usage.completionTokens), seconds: max(0, usage.seconds),
                images: max(0, usage.images), characters: max(0, usage.characters),
                audioSeconds: usage.audioSeconds.isFinite ? max(0, usage.audioSeconds) : 0, recordedAt: date)
            try record.insert(db)
        }
    }

    /// A job's spending, summed per stage, provider and model, in the order it happened.
    package func usage(jobId: String) throws -> [ProviderUsage] {
        let rows = try database.read { db in
            try ProviderUsageRecord.filter(Column("job_id") == jobId).order(Column("id")).fetchAll(db)
        }
        return ProviderUsage.merged(
            rows.compactMap { row -> ProviderUsage? in
                // Every row is written from an ``EngineStage``; a row from elsewhere is left out.
                guard let stage = EngineStage(rawValue: row.stage) else { return nil }
                return ProviderUsage(
                    stage: stage, provider: row.provider, model: row.model, requests: row.requests,
                    promptTokens: row.promptTokens, completionTokens: row.completionTokens, seconds: row.seconds,
                    images: row.images, characters: row.characters, audioSeconds: row.audioSeconds)
            })
    }
}
