import Foundation
import GRDB
import ReelsmithCore

/// One stored trend: the seed's `trends` collection.
struct TrendRecord: Sendable, Codable, Equatable, FetchableRecord, MutablePersistableRecord {
    package static let databaseTableName = "trends"

    package var id: Int64?
    package var title: String
    package var url: String?
    package var views: Int
    package var engagement: Int
    package var niche: String
    /// `YYYY-MM-DD`.
    package var date: String
    package var sourceFile: String?

    enum CodingKeys: String, CodingKey {
        case id, title, url, views, engagement, niche, date
        case sourceFile = "source_file"
    }

    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension LearningIndex {
    /// The niche's most viewed trends, best first, for topic choice and a cited trend line.
    package func trendHints(niche: String, limit: Int = 3) throws -> [TrendHint] {
        try database.read { db in
            try TrendRecord.filter(sql: "lower(niche) = lower(?)", arguments: [niche])
                .order(sql: "views DESC, id").limit(limit).fetchAll(db)
                .map { TrendHint(title: $0.title, views: $0.views) }
        }
    }
}
