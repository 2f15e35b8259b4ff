import Foundation
import GRDB
import ReelsmithCore

/// What storing an account-level export file did (issue 11).
package struct AccountImportCounts: Sendable, Equatable {
    /// Days (or hours, or shares) seen for the first time.
    package var new = 0
    /// Already known, with different numbers now.
    package var updated = 0
    /// Already known with the same numbers.
    package var unchanged = 0
    /// Already known with larger numbers (an older export imported after a newer one): kept.
    package var keptNewer = 0

    package init(new: Int = 0, updated: Int = 0, unchanged: Int = 0, keptNewer: Int = 0) {
        self.new = new
        self.updated = updated
        self.unchanged = unchanged
        self.keptNewer = keptNewer
    }
}

extension LearningIndex {
    /// Stores an account-level file's numbers in one transaction. A day's counter keeps its
    /// larger value, so an older export never replaces a newer one (``AccountMetric/keepsLarger``);
    /// shares are replaced whole by a file exported on the same day or later, never by an older one.
    func importAccount(_ account: AccountAnalytics, asOf: CalendarDay) throws -> AccountImportCounts {
        try database.write { db in
            var counts = AccountImportCounts()
            let now = Date()
            for entry in account.days {
                let stored = try Row.fetchOne(
                    db, sql: "SELECT * FROM account_days WHERE day = ?", arguments: [entry.day])
                guard let stored else {
                    let columns = entry.metrics.keys.sorted { $0.rawValue < $1.rawValue }
                    try db.execute(
                        sql:
                            "INSERT INTO account_days (day, updated_at, \(columns.map(\.rawValue).joined(separator: ", "))) "
                            + "VALUES (?, ?\(String(repeating: ", ?", count: columns.count)))",
                        arguments: StatementArguments(
                            [entry.day.databaseValue, now.databaseValue]
                                + columns.map { entry.metrics[$0]!.databaseValue }))
                    counts.new += 1
                    continue
                }
                var changes: [(AccountMetric, Int)] = []
                var isOlder = false
                for (metric, value) in entry.metrics {
                    let old = stored[metric.rawValue] as Int?
                    if old == value { continue }
                    if metric.keepsLarger, let old, old > value {
                        isOlder = true
                        continue
                    }
                    changes.append((metric, value))
                }
                if changes.isEmpty {
                    if isOlder { counts.keptNewer += 1 } else { counts.unchanged += 1 }
                    continue
                }
                // A day another file made (Overview.csv after FollowerHistory.csv) is new to this one.
                let isNewToThisFile = entry.metrics.keys.allSatisfy { (stored[$0.rawValue] as Int?) == nil }
                try db.execute(
                    sql: "UPDATE account_days SET updated_at = ?, "
                        + changes.map { "\($0.0.rawValue) = ?" }.joined(separator: ", ") + " WHERE day = ?",
                    arguments: StatementArguments(
                        [now.databaseValue] + changes.map { $0.1.databaseValue } + [entry.day.databaseValue]))
                if isNewToThisFile { counts.new += 1 } else { counts.updated += 1 }
            }
            for hour in account.activity {
                let old = try Int.fetchOne(
                    db, sql: "SELECT active_followers FROM follower_activity WHERE day = ? AND hour = ?",
                    arguments: [hour.day, hour.hour])
                switch old {
                case nil: counts.new += 1
                case hour.activeFollowers?:
                    counts.unchanged += 1
                    continue
                case let old? where old > hour.activeFollowers:
                    counts.keptNewer += 1
                    continue
                default: counts.updated += 1
                }
                try db.execute(
                    sql: """
                        INSERT INTO follower_activity (day, hour, active_followers) VALUES (?, ?, ?)
                        ON CONFLICT(day, hour) DO UPDATE SET active_followers = excluded.active_followers
                        """, arguments: [hour.day, hour.hour, hour.activeFollowers])
            }
            if let dimension = account.shares.first?.dimension {
                // Shares are a picture of the day they were exported: an older file imported after a
                // newer one keeps the newer picture (issue 11). The same day: the file imported last.
                let exportedOn = account.exportedOn ?? asOf
                let newest = try CalendarDay.fetchOne(
                    db, sql: "SELECT max(as_of) FROM audience_shares WHERE dimension = ?",
                    arguments: [dimension.rawValue])
                if let newest, newest > exportedOn {
                    counts.keptNewer += account.shares.count
                    return counts
                }
                let before = try Row.fetchAll(
                    db, sql: "SELECT label, share FROM audience_shares WHERE dimension = ?",
                    arguments: [dimension.rawValue])
                var old: [String: Double] = [:]
                for row in before { old[row[0]] = row[1] }
                try db.execute(sql: "DELETE FROM audience_shares WHERE dimension = ?", arguments: [dimension.rawValue])
                for share in account.shares {
                    try db.execute(
                        sql:
                            "INSERT OR REPLACE INTO audience_shares (dimension, label, share, as_of) VALUES (?, ?, ?, ?)",
                        arguments: [dimension.rawValue, share.label, share.share, exportedOn])
                    switch old[share.label] {
                    case nil: counts.new += 1
                    case share.share?: counts.unchanged += 1
                    default: counts.updated += 1
                    }
                }
            }
            return counts
        }
    }
}
