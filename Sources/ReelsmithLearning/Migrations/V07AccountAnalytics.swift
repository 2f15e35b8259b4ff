import Foundation
import GRDB
import ReelsmithCore

extension LearningIndex {
    /// The account-level numbers of TikTok Studio's export folder (issue 11):
    /// - `account_days`: one row per day, a column per ``AccountMetric`` (Overview.csv, Viewers.csv
    ///   and FollowerHistory.csv fill their own columns of the same day);
    /// - `follower_activity`: active followers per day and UTC hour (FollowerActivity.csv);
    /// - `audience_shares`: the latest gender and territory shares (FollowerGender.csv,
    ///   FollowerTopTerritories.csv), replaced whole by each newer file.
    static func registerAccountAnalyticsMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v7-account-analytics") { db in
            try db.create(table: "account_days") { t in
                t.primaryKey("day", .text)
                for metric in AccountMetric.allCases {
                    if metric == .followerChange {
                        t.column(metric.rawValue, .integer)
                    } else {
                        t.column(metric.rawValue, .integer).check { $0 >= 0 }
                    }
                }
                t.column("updated_at", .datetime).notNull()
            }
            try db.create(table: "follower_activity") { t in
                t.column("day", .text).notNull()
                t.column("hour", .integer).notNull().check { $0 >= 0 && $0 <= 23 }
                t.column("active_followers", .integer).notNull().check { $0 >= 0 }
                t.primaryKey(["day", "hour"])
            }
            try db.create(table: "audience_shares") { t in
                t.column("dimension", .text).notNull().check { ["gender", "territory"].contains($0) }
                t.column("label", .text).notNull()
                t.column("share", .double).notNull().check { $0 >= 0 && $0 <= 1 }
                t.column("as_of", .text).notNull()
                t.primaryKey(["dimension", "label"])
            }
        }
    }
}
