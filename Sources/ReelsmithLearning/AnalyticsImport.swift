import Foundation
import GRDB
import ReelsmithCore

/// What importing an analytics file did, for the summary line and the problems list.
package struct AnalyticsImport: Sendable, Equatable {
    package var format: AnalyticsFile.Format
    /// Rows whose numbers are in the index after the import (new, updated or already there).
    package var applied = 0
    /// Snapshots (video, day) recorded for the first time.
    package var newSnapshots = 0
    /// Snapshots already known whose numbers changed.
    package var updated = 0
    /// Snapshots already known with the same numbers.
    package var unchanged = 0
    /// TikTok rows not applied because the index holds larger numbers for that video and day:
    /// an older export imported after a newer one (issue 11).
    package var keptNewer = 0
    /// TikTok rows of our videos linked by a remembered TikTok id.
    package var linkedByTikTokId = 0
    /// TikTok rows linked to one of our videos by their caption (the TikTok id is now remembered).
    package var linkedByCaption = 0
    /// TikTok rows of external videos already known by their TikTok id.
    package var knownExternal = 0
    /// TikTok rows kept as new external videos.
    package var newExternal = 0
    /// All external rows.
    package var external: Int { knownExternal + newExternal }
    /// TikTok rows whose caption fits several of our videos: listed, not applied.
    package var ambiguous = 0
    /// Every row not applied, or applied with a caveat, with its reason and fix.
    package var problems: [RowProblem] = []
    /// The niches after recomputation, best first.
    package var niches: [NicheRecord] = []
    /// For an account-level file (`Overview.csv`…): what it gave.
    package var account: AccountImportCounts?
    /// Cells without a value (`"undefined"`, empty) that were skipped.
    package var skippedCells = 0
}

extension AnalyticsImport {
    /// Rows read but none used: the file fails (rather than being imported with remarks). The
    /// rows are listed in the fix unless they are reported on their own (`reelsmith check`).
    package func nothingUsed(displayName: String, listsTheRows: Bool = true) -> InputError? {
        let used = account.map { $0.new + $0.updated + $0.unchanged + $0.keptNewer } ?? (applied + keptNewer)
        guard used == 0, !problems.isEmpty else { return nil }
        return InputError(
            .invalidValue(key: "rows"), file: displayName,
            problem: problems.count == 1
                ? "its only row could not be used" : "none of its \(problems.count) rows could be used",
            fix: "fix the rows below and drop the file again:"
                + (listsTheRows ? "\n" + RowProblem.listing(problems.map(\.description)) : ""))
    }
}

extension LearningIndex {
    /// Applies a file's good rows in one transaction, then refreshes every video's latest numbers
    /// and the niches. Numbers are snapshots: a (video, day) seen again is replaced, never added.
    package func importAnalytics(
        _ file: AnalyticsFile, sourceFile: String, ingestDay: CalendarDay, vocabulary: NicheVocabulary
    ) throws -> AnalyticsImport {
        if let account = file.account {
            var result = AnalyticsImport(format: file.format, problems: file.problems)
            result.account = try importAccount(account, asOf: ingestDay)
            result.skippedCells = account.skippedCells
            return result
        }
        return try database.write { db in
            try Self.applyRows(of: file, in: db, sourceFile: sourceFile, ingestDay: ingestDay, vocabulary: vocabulary)
        }
    }

    /// What ``importAnalytics(_:sourceFile:ingestDay:vocabulary:)`` would say about a file, from a
    /// transaction rolled back: `reelsmith check` reports the same rows as `process` would, and
    /// stores nothing. An account-level file's rows don't depend on the index.
    package func trialImport(
        _ file: AnalyticsFile, sourceFile: String, ingestDay: CalendarDay, vocabulary: NicheVocabulary
    ) throws -> AnalyticsImport {
        guard file.account == nil else { return AnalyticsImport(format: file.format, problems: file.problems) }
        var result = AnalyticsImport(format: file.format, problems: file.problems)
        try database.writeWithoutTransaction { db in
            try db.inTransaction {
                result = try Self.applyRows(
                    of: file, in: db, sourceFile: sourceFile, ingestDay: ingestDay, vocabulary: vocabulary)
                return .rollback
            }
        }
        return result
    }

    private static func applyRows(
        of file: AnalyticsFile, in db: Database, sourceFile: String, ingestDay: CalendarDay, vocabulary: NicheVocabulary
    ) throws -> AnalyticsImport {
        var importer = try AnalyticsImporter(db: db, file: file, sourceFile: sourceFile, vocabulary: vocabulary)
        for row in file.rows {
            try importer.apply(row, day: row.date ?? ingestDay)
        }
        try importer.refreshLatestNumbers()
        var result = importer.result
        result.problems.sort { ($0.row, $0.line) < ($1.row, $1.line) }
        result.niches = try NicheAnalyzer.recompute(db, today: ingestDay)
        return result
    }

    /// Niche names already in the index, for ``NicheVocabulary``.
    package func knownNiches() throws -> [String] {
        try database.read { db in
            try String.fetchAll(
                db, sql: "SELECT niche FROM trends UNION SELECT lower(niche) FROM videos WHERE is_external = 0")
        }
    }
}

/// The state of one import inside its transaction: lookups loaded once, statements prepared once.
private struct AnalyticsImporter {
    package let db: Database
    package let file: AnalyticsFile
    package let sourceFile: String
    package let vocabulary: NicheVocabulary
    let importedAt = Date()
    package var result: AnalyticsImport

    var ourIds: Set<String>
    var sortedIds: [String]?
    var videoByTikTokId: [String: String]
    var tiktokIdByVideo: [String: String]
    package var matcher: PostCaptionMatcher?
    /// "video|day" → the row that recorded it, to name a repeated row.
    package var recorded: [String: Int] = [:]
    let insertSnapshot: Statement
    let selectSnapshot: Statement
    /// Videos with at least one snapshot before this import.
    let videosWithSnapshots: Set<String>

    package init(db: Database, file: AnalyticsFile, sourceFile: String, vocabulary: NicheVocabulary) throws {
        self.db = db
        self.file = file
        self.sourceFile = sourceFile
        self.vocabulary = vocabulary
        self.result = AnalyticsImport(format: file.format, problems: file.problems)
        self.ourIds = Set(try String.fetchAll(db, sql: "SELECT id FROM videos"))
        var videoByTikTokId: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT tiktok_id, id FROM videos WHERE tiktok_id IS NOT NULL") {
            videoByTikTokId[row[0]] = row[1]
        }
        self.videoByTikTokId = videoByTikTokId
        self.tiktokIdByVideo = Dictionary(uniqueKeysWithValues: videoByTikTokId.map { ($1, $0) })
        self.videosWithSnapshots = Set(try String.fetchAll(db, sql: "SELECT DISTINCT video_id FROM analytics"))
        self.selectSnapshot = try db.cachedStatement(
            sql: "SELECT views, likes, comments, shares, revenue FROM analytics WHERE video_id = ? AND date = ?")
        self.insertSnapshot = try db.cachedStatement(
            sql: """
                INSERT INTO analytics (video_id, views, likes, shares, comments, revenue, date, source_file, imported_at)
                VALUES (?1, ?2, ?3, ?4, ?5, coalesce(?6, 0), ?7, ?8, ?9)
                ON CONFLICT(video_id, date) DO UPDATE SET views = ?2, likes = ?3, shares = ?4, comments = ?5,
                    revenue = coalesce(?6, revenue), source_file = ?8, imported_at = ?9
                """)
    }

    package mutating func apply(_ row: AnalyticsRow, day: CalendarDay) throws {
        let videoId: String
        switch row.subject {
        case .video(let id, let tiktokId):
            guard let resolved = resolve(id, row: row) else { return }
            videoId = resolved
            if let tiktokId { try remember(tiktokId: tiktokId, for: videoId, row: row) }
        case .tiktok(let tiktokId, let caption, let postedOn):
            guard let resolved = try link(tiktokId: tiktokId, caption: caption, row: row) else { return }
            videoId = resolved
            if let postedOn {
                try db.execute(
                    sql: "UPDATE learning_data SET posted_on = ? WHERE video_id = ?", arguments: [postedOn, videoId])
            }
        }
        let key = "\(videoId)|\(day)"
        if let earlier = recorded[key] {
            result.problems.append(
                RowProblem(
                    file: sourceFile, row: row.row, line: row.line,
                    problem: "row \(earlier) already gave the numbers of video \(videoId) on \(day); "
                        + (isTikTokRow(row) ? "the larger of the two are kept" : "this row's replace them"),
                    fix: "keep one row per video and day (the numbers are totals on that day, not additions)"))
        }
        let isRepeatInFile = recorded[key] != nil
        recorded[key] = row.row
        // Only a video that had numbers before this file, or a row repeated in it, can have a
        // snapshot for this day: a first import never pays for the lookup.
        let stored =
            isRepeatInFile || videosWithSnapshots.contains(videoId)
            ? try Row.fetchOne(selectSnapshot, arguments: [videoId, day]) : nil
        if let stored {
            let numbers = [row.views, row.likes, row.comments, row.shares]
            let old: [Int] = [stored["views"], stored["likes"], stored["comments"], stored["shares"]]
            let isSameRevenue = row.revenue == nil || row.revenue == stored["revenue"]
            if numbers == old, isSameRevenue {
                result.unchanged += 1
                result.applied += 1
                return
            }
            // TikTok's counters only grow: an export with smaller numbers for the same day is an
            // older one, and the newer numbers stay. Our own files may correct a number downwards.
            if isTikTokRow(row), old[0] > row.views || (old[0] == row.views && old.reduce(0, +) > numbers.reduce(0, +))
            {
                result.keptNewer += 1
                return
            }
            result.updated += 1
        } else {
            result.newSnapshots += 1
        }
        try insertSnapshot.execute(arguments: [
            videoId, row.views, row.likes, row.shares, row.comments, row.revenue, day, sourceFile, importedAt,
        ])
        result.applied += 1
    }

    private func isTikTokRow(_ row: AnalyticsRow) -> Bool {
        if case .tiktok = row.subject { return true }
        return false
    }

    /// Our id, or an unambiguous prefix of it (folder names show the first 8 characters).
    private mutating func resolve(_ id: String, row: AnalyticsRow) -> String? {
        if ourIds.contains(id) { return id }
        var matches: [String] = []
        if id.count >= 6 {
            if sortedIds == nil { sortedIds = ourIds.sorted() }
            let ids = sortedIds!
            var low = 0
            var high = ids.count
            while low < high {
                let middle = (low + high) / 2
                if ids[middle] < id { low = middle + 1 } else { high = middle }
            }
            while low < ids.count, ids[low].hasPrefix(id), matches.count < 3 {
                matches.append(ids[low])
                low += 1
            }
        }
        if matches.count == 1 { return matches[0] }
        let problem =
            matches.isEmpty
            ? "no video `\(Excerpt.quote(id))` in the learning index"
            : "`\(Excerpt.quote(id))` is the beginning of several videos' ids (\(matches.joined(separator: ", ")))"
        result.problems.append(
            RowProblem(
                file: sourceFile, row: row.row, line: row.line, column: 1, problem: problem,
                fix:
                    "write the video's id: the code at the end of its folder name in outbox/videos/ (or its job id in report.json)"
            ))
        return nil
    }

    private mutating func remember(tiktokId: String, for videoId: String, row: AnalyticsRow) throws {
        if let owner = videoByTikTokId[tiktokId], owner != videoId {
            result.problems.append(
                RowProblem(
                    file: sourceFile, row: row.row, line: row.line,
                    problem:
                        "TikTok id \(tiktokId) already belongs to video \(owner); the numbers were recorded, the link was not",
                    fix: "check which of the two videos was posted as \(tiktokId) and correct `tiktok_id`"))
            return
        }
        if let known = tiktokIdByVideo[videoId], known != tiktokId {
            result.problems.append(
                RowProblem(
                    file: sourceFile, row: row.row, line: row.line,
                    problem:
                        "video \(videoId) is already linked to TikTok id \(known), not \(tiktokId); the link was kept",
                    fix: "remove `tiktok_id` from this row if the earlier link is right"))
            return
        }
        guard tiktokIdByVideo[videoId] == nil else { return }
        try db.execute(sql: "UPDATE videos SET tiktok_id = ? WHERE id = ?", arguments: [tiktokId, videoId])
        videoByTikTokId[tiktokId] = videoId
        tiktokIdByVideo[videoId] = tiktokId
        matcher?.remove(id: videoId)
    }

    /// The video a TikTok row is about: remembered id, else caption match, else a new external
    /// video. nil when the caption is ambiguous (listed in the problems).
    private mutating func link(tiktokId: String, caption: String, row: AnalyticsRow) throws -> String? {
        if let known = videoByTikTokId[tiktokId] {
            if known.hasPrefix("tiktok-") { result.knownExternal += 1 } else { result.linkedByTikTokId += 1 }
            return known
        }
        if matcher == nil {
            let rows = try Row.fetchAll(
                db, sql: "SELECT id, description FROM videos WHERE is_external = 0 AND tiktok_id IS NULL")
            matcher = PostCaptionMatcher(candidates: rows.map { .init(id: $0[0], caption: PostCaption($0[1])) })
        }
        switch matcher!.match(caption) {
        case .video(let id, _):
            try remember(tiktokId: tiktokId, for: id, row: row)
            result.linkedByCaption += 1
            return id
        case .ambiguous(let ids):
            result.ambiguous += 1
            result.problems.append(
                RowProblem(
                    file: sourceFile, row: row.row, line: row.line,
                    problem: "the caption of TikTok video \(tiktokId) fits several of our videos equally well "
                        + "(\(ids.joined(separator: ", "))); its numbers were not recorded",
                    fix: "link it by hand with a line `video_id,tiktok_id,views,likes,shares,comments` "
                        + "(e.g. `\(ids[0]),\(tiktokId),\(row.views),\(row.likes),\(row.shares),\(row.comments)`) in inbox/analytics/"
                ))
            return nil
        case .none:
            let id = "tiktok-\(tiktokId)"
            let text = PostCaption(caption)
            let niche = vocabulary.niche(forHashtags: text.hashtags) ?? NicheAnalyzer.unknownNiche
            let hashtags = String(decoding: try JSONEncoder().encode(text.hashtags.map { "#" + $0 }), as: UTF8.self)
            let title = caption.split(separator: "\n").first.map(String.init) ?? caption
            let video = VideoRecord(
                id: id, niche: niche, topic: nil, title: String(title.prefix(200)), language: "und", viralityScore: 0,
                durationSeconds: 0, hookLength: 0, hashtagCount: text.hashtags.count, hasCta: false,
                description: caption,
                hashtags: hashtags, folder: nil, tiktokId: tiktokId, isExternal: true, createdAt: importedAt)
            try video.insert(db)
            try LearningDataRecord.features(of: video).saveFeatures(db)
            videoByTikTokId[tiktokId] = id
            tiktokIdByVideo[id] = tiktokId
            result.newExternal += 1
            return id
        }
    }

    /// Copies each video's latest snapshot into `learning_data` (SQLite takes the bare columns
    /// from the row holding `max(date)`).
    mutating func refreshLatestNumbers() throws {
        try db.execute(
            sql: """
                UPDATE learning_data SET views = latest.views, likes = latest.likes, comments = latest.comments,
                    shares = latest.shares, revenue = latest.revenue, metrics_date = latest.date, updated_at = ?,
                    engagement_rate = CASE WHEN latest.views > 0
                        THEN (latest.likes + latest.comments + latest.shares) * 1.0 / latest.views END
                FROM (SELECT video_id, views, likes, comments, shares, revenue, max(date) AS date
                      FROM analytics GROUP BY video_id) AS latest
                WHERE learning_data.video_id = latest.video_id
                """, arguments: [importedAt])
    }
}
