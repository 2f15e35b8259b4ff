import Foundation
import GRDB
import ReelsmithCore

extension LearningIndex {
    /// The provider layer's accounting (issue 7): one row per exchange.
    static func registerProviderUsageMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4-provider-usage") { db in
            try db.create(table: "provider_usage") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("job_id", .text).notNull().indexed()
                t.column("stage", .text).notNull()
                t.column("provider", .text).notNull()
                t.column("model", .text).notNull()
                t.column("requests", .integer).notNull().check { $0 >= 0 }
                t.column("prompt_tokens", .integer).notNull().check { $0 >= 0 }
                t.column("completion_tokens", .integer).notNull().check { $0 >= 0 }
                t.column("seconds", .double).notNull().check { $0 >= 0 }
                t.column("recorded_at", .datetime).notNull().indexed()
            }
        }
    }
}
