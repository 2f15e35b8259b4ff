import Foundation
import GRDB
import ReelsmithCore

/// Recomputes every niche from the trends and the videos' latest numbers with SQL aggregates
/// (seed: NicheAnalyzer), inside the caller's transaction.
package enum NicheAnalyzer {
    /// A trend dated from this many days ago up to today (a future date does not count) is `trending`.
    static let trendingDays = 7
    /// Videos whose niche could not be inferred are kept out of the ranking.
    static let unknownNiche = "unknown"

    /// Sums are kept in `Double` (SQLite's `total()` is one too) and turned back into whole
    /// numbers with ``clamped(_:)``: no number in the index can make the recomputation trap or
    /// write a non-finite value a report cannot encode (issue 12).
    private struct Totals {
        package var trendCount = 0
        var trendViews = 0.0
        var trendEngagement = 0.0
        package var trending = 0
        package var videoCount = 0
        var measuredVideos = 0
        package var videoViews = 0.0
        var videoEngagement = 0.0
        var videoRevenue = 0.0
    }

    /// A whole number for a sum: NaN is 0, anything past `Int`'s range is its bound.
    package static func clamped(_ value: Double) -> Int {
        guard !value.isNaN else { return 0 }
        return value >= 9.2e18 ? Int.max : value <= -9.2e18 ? Int.min : Int(value)
    }

    /// A finite number for a report: NaN is 0, infinities are the largest finite value.
    package static func finite(_ value: Double) -> Double {
        value.isNaN ? 0 : min(max(value, -Double.greatestFiniteMagnitude), Double.greatestFiniteMagnitude)
    }

    @discardableResult
    package static func recompute(_ db: Database, today: CalendarDay, now: Date = Date()) throws -> [NicheRecord] {
        var totals: [String: Totals] = [:]
        let trendRows = try Row.fetchCursor(
            db,
            sql: """
                SELECT niche, count(*), total(views), total(engagement), count(CASE WHEN date >= ? AND date <= ? THEN 1 END)
                FROM trends GROUP BY niche
                """, arguments: [today.adding(days: -trendingDays), today])
        while let row = try trendRows.next() {
            let name = (row[0] as String).lowercased()
            var entry = totals[name, default: Totals()]
            entry.trendCount += row[1] as Int
            entry.trendViews += row[2] as Double
            entry.trendEngagement += row[3] as Double
            entry.trending += row[4] as Int
            totals[name] = entry
        }
        let videoRows = try Row.fetchCursor(
            db,
            sql: """
                SELECT niche, count(*), count(views), total(views),
                    total(coalesce(likes, 0) + coalesce(comments, 0) + coalesce(shares, 0)), total(revenue)
                FROM learning_data WHERE niche <> ? GROUP BY niche
                """, arguments: [unknownNiche])
        while let row = try videoRows.next() {
            let name = (row[0] as String).lowercased()
            var entry = totals[name, default: Totals()]
            entry.videoCount += row[1] as Int
            entry.measuredVideos += row[2] as Int
            entry.videoViews += row[3] as Double
            entry.videoEngagement += row[4] as Double
            entry.videoRevenue += finite(row[5] as Double)
            totals[name] = entry
        }

        try db.execute(sql: "DELETE FROM niches")
        var records: [NicheRecord] = []
        for (name, entry) in totals.sorted(by: { $0.key < $1.key }) {
            let observations = entry.trendCount + entry.measuredVideos
            let views = entry.trendViews + entry.videoViews
            let engagement = entry.trendEngagement + entry.videoEngagement
            let averageViews = finite(observations == 0 ? 0 : views / Double(observations))
            let averageEngagement = finite(observations == 0 ? 0 : engagement / Double(observations))
            let averageRevenue = finite(
                entry.measuredVideos == 0 ? 0 : entry.videoRevenue / Double(entry.measuredVideos))
            let score = Profitability(
                averageViews: averageViews, averageEngagement: averageEngagement, averageRevenue: averageRevenue,
                trendCount: entry.trendCount)
            let record = NicheRecord(
                name: name, profitabilityScore: score.total, trendCount: entry.trendCount, videoCount: entry.videoCount,
                totalViews: clamped(views), totalEngagement: clamped(engagement),
                totalRevenue: finite(entry.videoRevenue),
                avgViews: averageViews,
                avgEngagement: averageEngagement, avgRevenue: averageRevenue, trending: entry.trending, updatedAt: now)
            try record.insert(db)
            records.append(record)
        }
        return ranked(records)
    }

    /// Best score first; ties by more trends, then by name.
    package static func ranked(_ niches: [NicheRecord]) -> [NicheRecord] {
        niches.sorted {
            ($0.profitabilityScore, $0.trendCount, $1.name) > ($1.profitabilityScore, $1.trendCount, $0.name)
        }
    }
}

extension LearningIndex {
    /// Every niche, best score first.
    package func niches() throws -> [NicheRecord] {
        try database.read { db in NicheAnalyzer.ranked(try NicheRecord.fetchAll(db)) }
    }

    /// Recomputes the niches now (the trends file and analytics imports already do it).
    @discardableResult
    package func recomputeNiches(today: CalendarDay = .today()) throws -> [NicheRecord] {
        try database.write { db in try NicheAnalyzer.recompute(db, today: today) }
    }
}
