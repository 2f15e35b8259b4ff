import Foundation
import GRDB
import ReelsmithCore

extension LearningIndex {
    /// Likes, comments and shares of a day are net in TikTok's Overview.csv (`"-1"` comments on a
    /// day when a comment was deleted): their `>= 0` checks go, the others stay (issue 11).
    static func registerAccountNetCountsMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v12-account-net-counts") { db in
            try db.create(table: "account_days_net") { t in
                t.primaryKey("day", .text)
                for metric in AccountMetric.allCases {
                    if metric.isNet {
                        t.column(metric.rawValue, .integer)
                    } else {
                        t.column(metric.rawValue, .integer).check { $0 >= 0 }
                    }
                }
                t.column("updated_at", .datetime).notNull()
            }
            let columns = (["day"] + AccountMetric.allCases.map(\.rawValue) + ["updated_at"]).joined(separator: ", ")
            try db.execute(sql: "INSERT INTO account_days_net (\(columns)) SELECT \(columns) FROM account_days")
            try db.drop(table: "account_days")
            try db.rename(table: "account_days_net", to: "account_days")
        }
    }
}
