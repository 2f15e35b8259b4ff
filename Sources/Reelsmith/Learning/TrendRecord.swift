import Foundation
import GRDB

/// One stored trend: the seed's `trends` collection.
public struct TrendRecord: Sendable, Codable, Equatable, FetchableRecord, MutablePersistableRecord {
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
    /// Stores trends like a trends file does (a trend already known is updated, not repeated) and
    /// recomputes the niches.
    public func insert(trends: [TrendRecord]) throws {
        let entries = trends.map {
            TrendsFile.Trend(
                title: $0.title, url: $0.url, views: $0.views, engagement: $0.engagement, niche: $0.niche.lowercased(),
                date: CalendarDay(iso: $0.date) ?? .today())
        }
        _ = try ingest(trends: entries, sourceFile: trends.first?.sourceFile)
    }

    /// The niche's most viewed trends, best first, for topic choice and a cited trend line.
    func trendHints(niche: String, limit: Int = 3) throws -> [TrendHint] {
        try database.read { db in
            try TrendRecord.filter(sql: "lower(niche) = lower(?)", arguments: [niche])
                .order(sql: "views DESC, id").limit(limit).fetchAll(db)
                .map { TrendHint(title: $0.title, views: $0.views) }
        }
    }
}
