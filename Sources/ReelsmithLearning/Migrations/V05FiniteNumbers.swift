import Foundation
import GRDB
import ReelsmithCore

extension LearningIndex {
    /// Repairs an index that already holds a number no report can show (issue 12): before cells
    /// were range-checked, `revenue: 1.7e308` on two videos summed to infinity in `niches`, and
    /// every later import and `reelsmith niches` failed. Revenue past the per-cell limit
    /// (``AnalyticsValue/maximumRevenue``) or negative is forgotten (0 in a snapshot, unknown in
    /// the latest numbers); derived niche figures that are not finite become 0 until the next
    /// recomputation rebuilds them.
    static func registerFiniteNumbersMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v5-finite-numbers") { db in
            let limit = AnalyticsValue.maximumRevenue
            try db.execute(
                sql: "UPDATE analytics SET revenue = 0 WHERE NOT (revenue BETWEEN 0 AND ?)", arguments: [limit])
            try db.execute(
                sql:
                    "UPDATE learning_data SET revenue = NULL WHERE revenue IS NOT NULL AND NOT (revenue BETWEEN 0 AND ?)",
                arguments: [limit])
            try db.execute(
                sql: """
                    UPDATE learning_data SET engagement_rate = NULL
                    WHERE engagement_rate IS NOT NULL AND NOT (engagement_rate BETWEEN -1e300 AND 1e300)
                    """)
            for column in ["profitability_score", "total_revenue", "avg_views", "avg_engagement", "avg_revenue"] {
                try db.execute(sql: "UPDATE niches SET \(column) = 0 WHERE NOT (\(column) BETWEEN -1e300 AND 1e300)")
            }
        }
    }
}
