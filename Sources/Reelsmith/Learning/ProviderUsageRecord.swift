import Foundation
import GRDB

/// One provider exchange's cost, kept per job in the learning index (DESIGN §7: "each stage
/// records what it spent"): `reelsmith status` and `report.json` sum these rows.
struct ProviderUsageRecord: Sendable, Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "provider_usage"

    var id: Int64?
    var jobId: String
    var stage: String
    var provider: String
    var model: String
    var requests: Int
    var promptTokens: Int
    var completionTokens: Int
    var seconds: Double
    var images: Int
    var characters: Int
    var audioSeconds: Double
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

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension LearningIndex {
    /// The provider layer's accounting (issue 7): one row per exchange.
    static func registerProviderUsageMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4-provider-usage") { db in
            try db.create(table: "provider_usage") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("job_id", .text).notNull().indexed()
                t.column("stage", .text).notNull()
                t.column("provider", .text).notNull()
                t.column("model", .text).notNull()
                t.column("requests", .integer).notNull().check { $0 >= 0 }
                t.column("prompt_tokens", .integer).notNull().check { $0 >= 0 }
                t.column("completion_tokens", .integer).notNull().check { $0 >= 0 }
                t.column("seconds", .double).notNull().check { $0 >= 0 }
                t.column("recorded_at", .datetime).notNull().indexed()
            }
        }
    }

    /// Images, characters spoken and audio seconds (issue 8), beside the tokens.
    static func registerMediaUsageMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v8-media-usage") { db in
            try db.alter(table: "provider_usage") { t in
                t.add(column: "images", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
                t.add(column: "characters", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
                t.add(column: "audio_seconds", .double).notNull().defaults(to: 0).check { $0 >= 0 }
            }
        }
    }

    func record(usage: ProviderUsage, jobId: String, at date: Date = Date()) throws {
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
    func usage(jobId: String) throws -> [ProviderUsage] {
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
