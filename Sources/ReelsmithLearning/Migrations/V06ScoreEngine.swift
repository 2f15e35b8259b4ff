import Foundation
import GRDB
import ReelsmithCore

extension LearningIndex {
    /// Issue 7: a video's score may come from a model; say which, and keep the rubric's beside it.
    static func registerScoreEngineMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6-score-engine") { db in
            try db.alter(table: "videos") { t in
                t.add(column: "score_engine", .text)
                t.add(column: "offline_virality_score", .integer).check { $0 >= 0 && $0 <= 100 }
            }
        }
    }
}
