import Foundation
import GRDB
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

extension DashboardData {
    /// How many days the overview's charts cover.
    package static let overviewDays = 30
    /// How many days of views and engagement the performance chart covers.
    package static let performanceDays = 90
    /// Trends named per niche.
    package static let trendsPerNiche = 3

    /// Reads everything the page shows. `language` nil means the most common language of the
    /// requests made so far (English before the first). `asOf` nil: the series end today and the
    /// insights' window on the newest analytics day (issue 11).
    package static func read(
        from index: LearningIndex, language: Language? = nil, asOf: CalendarDay? = nil, now: Date = Date()
    ) throws -> DashboardData {
        let today = asOf ?? .today()
        let spending = try ProviderSpending.read(from: index, now: now)
        return try index.database.read { db in
            let niches = NichesReport(niches: NicheAnalyzer.ranked(try NicheRecord.fetchAll(db)), generatedAt: now)
            let videos = try libraryEntries(db)
            let jobs = Dictionary(
                uniqueKeysWithValues: try Row.fetchAll(
                    db, sql: "SELECT state, count(*) AS n FROM jobs WHERE kind = 'request' GROUP BY state"
                )
                .map { ($0["state"] as String, $0["n"] as Int) })
            return DashboardData(
                generatedAt: now, language: try language ?? commonLanguage(db) ?? .en, days: try days(db, today: today),
                publishedJobs: jobs["published"] ?? 0, failedJobs: jobs["failed"] ?? 0,
                runningJobs: (jobs["running"] ?? 0) + (jobs["queued"] ?? 0), stageMeans: try stageMeans(db),
                meanViralityScore: try Double.fetchOne(
                    db, sql: "SELECT avg(virality_score) FROM videos WHERE is_external = 0"),
                spending: spending, performance: try performance(db, today: today), niches: niches,
                topTrends: try topTrends(db, niches: niches.niches.map(\.name)),
                insights: try InsightAnalyzer.insights(
                    db, asOf: try asOf ?? InsightAnalyzer.newestAnalyticsDay(db) ?? today, now: now), videos: videos,
                trendCount: try Int.fetchOne(db, sql: "SELECT count(*) FROM trends") ?? 0)
        }
    }

    /// The language most requests were made in.
    static func commonLanguage(_ db: Database) throws -> Language? {
        try String.fetchOne(
            db,
            sql:
                "SELECT language FROM videos WHERE is_external = 0 GROUP BY language ORDER BY count(*) DESC, language LIMIT 1"
        ).flatMap { Language(rawValue: $0) }
    }

    /// Every video, newest first, with its criteria and latest numbers.
    static func libraryEntries(_ db: Database) throws -> [LibraryEntry] {
        let columns = VideoCriteria.names.map { "c.\($0)" }.joined(separator: ", ")
        let cursor = try Row.fetchCursor(
            db,
            sql: """
                SELECT v.id, v.title, v.niche, date(v.created_at, 'localtime') AS day, v.virality_score, v.is_external, v.folder,
                       l.views, l.likes + l.comments + l.shares AS engagement, c.video_id AS has_criteria, \(columns)
                FROM videos v LEFT JOIN learning_data l ON l.video_id = v.id LEFT JOIN video_criteria c ON c.video_id = v.id
                ORDER BY v.created_at DESC, v.id
                """)
        var entries: [LibraryEntry] = []
        while let row = try cursor.next() {
            let isExternal: Bool = row["is_external"]
            let views: Int? = row["views"]
            let folder: String? = row["folder"]
            entries.append(
                LibraryEntry(
                    id: row["id"], title: row["title"], niche: row["niche"], day: row["day"] ?? "",
                    score: isExternal ? nil : row["virality_score"] as Int,
                    criteria: row["has_criteria"] as String? == nil ? nil : (10..<15).map { row[$0] as Int },
                    status: isExternal ? .external : views == nil ? .published : .posted, views: views,
                    engagement: views == nil ? nil : row["engagement"] as Int?,
                    folder: folder.map { URL(fileURLWithPath: $0).lastPathComponent }))
        }
        return entries
    }

    /// Videos made and request jobs failed per day over the last ``overviewDays`` days.
    package static func days(_ db: Database, today: CalendarDay) throws -> [Day] {
        let first = today.adding(days: -(overviewDays - 1))
        var made: [String: Int] = [:]
        var failed: [String: Int] = [:]
        let dayBefore = first.adding(days: -1)
        let since =
            Calendar.current.date(
                from: DateComponents(year: dayBefore.year, month: dayBefore.month, day: dayBefore.day))
            ?? .distantPast
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT date(created_at, 'localtime') AS day, count(*) AS n FROM videos
                WHERE is_external = 0 AND created_at >= ? GROUP BY day
                """, arguments: [since])
        {
            made[row["day"]] = row["n"]
        }
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT date(updated_at, 'localtime') AS day, count(*) AS n FROM jobs
                WHERE kind = 'request' AND state = 'failed' AND updated_at >= ? GROUP BY day
                """, arguments: [since])
        {
            failed[row["day"]] = row["n"]
        }
        return (0..<overviewDays).map { offset in
            let day = first.adding(days: offset)
            return Day(day: day, made: made[day.description] ?? 0, failed: failed[day.description] ?? 0)
        }
    }

    /// Mean seconds per stage over the runs that did the work.
    static func stageMeans(_ db: Database) throws -> [StageMean] {
        let rows = try Row.fetchAll(
            db,
            sql:
                "SELECT stage, avg(seconds) AS seconds, count(*) AS runs FROM stage_timings WHERE reused = 0 GROUP BY stage"
        )
        let byStage = Dictionary(
            uniqueKeysWithValues: rows.map { ($0["stage"] as String, ($0["seconds"] as Double, $0["runs"] as Int)) })
        return Stage.allCases.compactMap { stage in
            byStage[stage.rawValue].map { StageMean(stage: stage, seconds: $0.0, runs: $0.1) }
        }
    }

    /// Total views and engagement known on each day with snapshots, over the last
    /// ``performanceDays`` days: every snapshot adds what its video gained since its previous one.
    /// One pass over the snapshots in the order of their unique (video, day) index — a window
    /// function over them took twice as long.
    package static func performance(_ db: Database, today: CalendarDay) throws -> [Performance] {
        let cursor = try Row.fetchCursor(
            db,
            sql: "SELECT video_id, date, views, likes + comments + shares FROM analytics ORDER BY video_id, date")
        var gained: [String: (views: Int, engagement: Int)] = [:]
        var video: String?
        var previous = (views: 0, engagement: 0)
        while let row = try cursor.next() {
            let id: String = row[0]
            if id != video {
                video = id
                previous = (0, 0)
            }
            let current = (views: row[2] as Int, engagement: row[3] as Int)
            gained[row[1], default: (0, 0)].views += current.views - previous.views
            gained[row[1], default: (0, 0)].engagement += current.engagement - previous.engagement
            previous = current
        }
        var views = 0
        var engagement = 0
        var result: [Performance] = []
        let first = today.adding(days: -(performanceDays - 1))
        for (date, change) in gained.sorted(by: { $0.key < $1.key }) {
            views += change.views
            engagement += change.engagement
            guard let day = CalendarDay(iso: date), day >= first, day <= today else { continue }
            result.append(Performance(day: day, views: views, engagement: engagement))
        }
        return result
    }

    static func topTrends(_ db: Database, niches: [String]) throws -> [String: [TopTrend]] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT niche, title, views, engagement, date FROM (
                    SELECT niche, title, views, engagement, date,
                           row_number() OVER (PARTITION BY niche ORDER BY views DESC, id) AS position FROM trends)
                WHERE position <= ? ORDER BY niche, position
                """, arguments: [trendsPerNiche])
        var result: [String: [TopTrend]] = [:]
        for row in rows {
            result[row["niche"], default: []].append(
                TopTrend(title: row["title"], views: row["views"], engagement: row["engagement"], day: row["date"]))
        }
        return result
    }
}
