import GRDB
import ReelsmithCore

extension LearningIndex {
    /// The schema, one migration per step, in shipping order (one file each in this folder).
    /// A shipped migration is never edited, only followed by a new one.
    package static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        registerFoundationMigration(&migrator)
        registerJournalMigration(&migrator)
        registerLearningLoopMigration(&migrator)
        registerProviderUsageMigration(&migrator)
        registerFiniteNumbersMigration(&migrator)
        registerScoreEngineMigration(&migrator)
        registerAccountAnalyticsMigration(&migrator)
        registerMediaUsageMigration(&migrator)
        registerDashboardMigration(&migrator)
        registerClipLibraryMigration(&migrator)
        registerClipColourMigration(&migrator)
        registerAccountNetCountsMigration(&migrator)
        registerBackCatalogueMigration(&migrator)
        return migrator
    }
}
