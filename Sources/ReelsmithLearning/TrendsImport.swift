import Foundation
import GRDB
import ReelsmithCore

/// What ingesting a trends file did.
package struct TrendsImport: Sendable, Equatable {
    /// Trends seen for the first time.
    package var added: Int
    /// Trends already known (same niche, title and day) whose numbers were replaced.
    package var updated: Int
    /// The niches after recomputation, best first.
    package var niches: [NicheRecord]
}

extension LearningIndex {
    /// Stores the trends (one row per niche, title and day: a file ingested twice counts once)
    /// and recomputes every niche, in one transaction.
    package func ingest(
        trends: [TrendsFile.Trend], sourceFile: String?, today: CalendarDay = .today()
    ) throws -> TrendsImport {
        try database.write { db in
            let before = try Int.fetchOne(db, sql: "SELECT count(*) FROM trends") ?? 0
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO trends (title, url, views, engagement, niche, date, source_file) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                    ON CONFLICT(niche, title, date) DO UPDATE SET views = ?3, engagement = ?4,
                        url = coalesce(?2, url), source_file = ?7
                    """)
            for trend in trends {
                try statement.execute(arguments: [
                    trend.title, trend.url, trend.views, trend.engagement, trend.niche, trend.date, sourceFile,
                ])
            }
            let after = try Int.fetchOne(db, sql: "SELECT count(*) FROM trends") ?? 0
            let niches = try NicheAnalyzer.recompute(db, today: today)
            return TrendsImport(added: after - before, updated: trends.count - (after - before), niches: niches)
        }
    }
}
