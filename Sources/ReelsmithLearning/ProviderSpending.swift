import Foundation
import GRDB
import ReelsmithCore

/// What the providers cost, per provider and model, today and over the last 30 days
/// (`reelsmith status`; the seed's "crédits API consommés").
package struct ProviderSpending: Sendable, Equatable {
    package struct Line: Sendable, Equatable {
        package var provider: String
        package var model: String
        package var requests: Int
        package var promptTokens: Int
        package var completionTokens: Int
        package var seconds: Double
        package var images: Int = 0
        package var characters: Int = 0
        package var audioSeconds: Double = 0
    }

    package var today: [Line]
    package var last30Days: [Line]

    package static func read(from index: LearningIndex, now: Date = Date()) throws -> ProviderSpending {
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
                        provider: $0["provider"], model: $0["model"], requests: $0["requests"],
                        promptTokens: $0["prompt"],
                        completionTokens: $0["completion"], seconds: $0["seconds"], images: $0["images"],
                        characters: $0["characters"], audioSeconds: $0["audio"])
                }
            }
            return ProviderSpending(today: try lines(since: startOfToday), last30Days: try lines(since: thirtyDaysAgo))
        }
    }
}
