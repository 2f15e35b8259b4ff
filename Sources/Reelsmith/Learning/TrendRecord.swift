import Foundation
import GRDB

/// One stored trend: the seed's `trends` collection.
struct TrendRecord: Sendable, Codable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "trends"

    public var id: Int64?
    public var title: String
    public var url: String?
    public var views: Int
    public var engagement: Int
    public var niche: String
    /// `YYYY-MM-DD`.
    public var date: String
    public var sourceFile: String?

    enum CodingKeys: String, CodingKey {
        case id, title, url, views, engagement, niche, date
        case sourceFile = "source_file"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension LearningIndex {
    /// The niche's most viewed trends, best first, for topic choice and a cited trend line.
    func trendHints(niche: String, limit: Int = 3) throws -> [TrendHint] {
        try database.read { db in
            try TrendRecord.filter(sql: "lower(niche) = lower(?)", arguments: [niche])
                .order(sql: "views DESC, id").limit(limit).fetchAll(db)
                .map { TrendHint(title: $0.title, views: $0.views) }
        }
    }
}
