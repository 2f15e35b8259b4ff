import Foundation
import GRDB

/// What the providers cost, per provider and model, today and over the last 30 days
/// (`reelsmith status`; the seed's "crédits API consommés").
public struct ProviderSpending: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var provider: String
        public var model: String
        public var requests: Int
        public var promptTokens: Int
        public var completionTokens: Int
        public var seconds: Double
        public var images: Int = 0
        public var characters: Int = 0
        public var audioSeconds: Double = 0
    }

    public var today: [Line]
    public var last30Days: [Line]

    public static func read(from index: LearningIndex, now: Date = Date()) throws -> ProviderSpending {
        let startOfToday = Calendar.current.startOfDay(for: now)
        let thirtyDaysAgo = Calendar.current.date(byAdding: .day, value: -29, to: startOfToday) ?? startOfToday
        return try index.database.read { db in
            func lines(since: Date) throws -> [Line] {
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT provider, model, SUM(requests) AS requests, SUM(prompt_tokens) AS prompt,
                               SUM(completion_tokens) AS completion, SUM(seconds) AS seconds, SUM(images) AS images,
                               SUM(characters) AS characters, SUM(audio_seconds) AS audio
                        FROM provider_usage WHERE recorded_at >= ? GROUP BY provider, model ORDER BY provider, model
                        """, arguments: [since]
                ).map {
                    Line(
                        provider: $0["provider"], model: $0["model"], requests: $0["requests"], promptTokens: $0["prompt"],
                        completionTokens: $0["completion"], seconds: $0["seconds"], images: $0["images"],
                        characters: $0["characters"], audioSeconds: $0["audio"])
                }
            }
            return ProviderSpending(today: try lines(since: startOfToday), last30Days: try lines(since: thirtyDaysAgo))
        }
    }
}
