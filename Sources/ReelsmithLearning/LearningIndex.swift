import Foundation
import GRDB
import ReelsmithCore

/// The learning index (DESIGN §5): one SQLite file in WAL mode holding trends, videos, analytics,
/// niches, learning data and the pipeline's jobs. Lives in the state folder, never in a synced one.
package final class LearningIndex: Sendable {
    package let database: DatabasePool
    package let url: URL

    package init(url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        var configuration = GRDB.Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        self.url = url
        self.database = try DatabasePool(path: url.path, configuration: configuration)
        try Self.migrator.migrate(database)
    }

    /// Frees SQLite's caches (the daemon calls it when it becomes idle).
    package func releaseMemory() { database.releaseMemory() }
}
