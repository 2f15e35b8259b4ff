import Foundation
import GRDB
import ReelsmithCore

extension LearningIndex {
    /// Images, characters spoken and audio seconds (issue 8), beside the tokens.
    static func registerMediaUsageMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v8-media-usage") { db in
            try db.alter(table: "provider_usage") { t in
                t.add(column: "images", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
                t.add(column: "characters", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
                t.add(column: "audio_seconds", .double).notNull().defaults(to: 0).check { $0 >= 0 }
            }
        }
    }
}
