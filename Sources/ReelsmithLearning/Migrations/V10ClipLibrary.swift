import Foundation
import GRDB
import ReelsmithCore

extension LearningIndex {
    /// The creator's clip library (issue 9).
    static func registerClipLibraryMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v10-clip-library") { db in
            try db.create(table: "clip_library") { t in
                t.primaryKey("path", .text)
                t.column("folder", .text).notNull().indexed()
                t.column("size_bytes", .integer).notNull().check { $0 >= 0 }
                t.column("modified_at", .double).notNull()
                t.column("keyword_source", .text).notNull()
                t.column("duration_seconds", .double)
                t.column("width", .integer)
                t.column("height", .integer)
                t.column("orientation", .text).check { $0 == nil || ["portrait", "landscape", "square"].contains($0) }
                t.column("keywords", .text).notNull()
                t.column("problem", .text)
                t.column("indexed_at", .datetime).notNull()
            }
        }
    }
}
