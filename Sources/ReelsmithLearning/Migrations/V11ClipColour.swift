import Foundation
import GRDB
import ReelsmithCore

extension LearningIndex {
    /// What the probe learned beyond size and length: the pixels' shape and the colour coding
    /// (rows of v10 have neither and are probed again by the next scan).
    static func registerClipColourMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v11-clip-colour") { db in
            try db.alter(table: "clip_library") { t in
                t.add(column: "sample_aspect", .double).check { $0 == nil || $0 > 0 }
                t.add(column: "colour_transfer", .text)
            }
        }
    }
}
