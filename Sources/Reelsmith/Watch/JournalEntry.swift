import Foundation
import GRDB
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// One input file the daemon claimed, and how it ended: the exactly-once journal (DESIGN §3),
/// keyed by content hash.
package struct JournalEntry: Sendable, Codable, Equatable, FetchableRecord, MutablePersistableRecord {
    package static let databaseTableName = "journal"

    package enum State: String, Sendable, Codable {
        case claimed, running, done, failed, duplicate
    }

    package var id: Int64?
    package var contentHash: String
    package var kind: String?
    /// Where the user dropped it, relative to the inbox (`requests/a.yaml`).
    package var source: String
    /// Where it waits while it runs (the processing area, same filesystem as the inbox claim).
    package var processingPath: String
    package var state: State
    package var forced: Bool
    /// The one-line outcome or the error shown to the user.
    package var message: String?
    /// The published folder or report, if any.
    package var output: String?
    /// Where the input ended: archive or failed area.
    package var finalPath: String?
    /// When the file had settled and when its job started (seconds since 1970), for the latency benchmark.
    package var settledAt: Double?
    package var startedAt: Double?
    package var claimedAt: Date
    package var finishedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, kind, source, state, forced, message, output
        case contentHash = "content_hash"
        case processingPath = "processing_path"
        case finalPath = "final_path"
        case settledAt = "settled_at"
        case startedAt = "started_at"
        case claimedAt = "claimed_at"
        case finishedAt = "finished_at"
    }

    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension LearningIndex {

    package func insert(journal entry: JournalEntry) throws -> JournalEntry {
        try database.write { db in
            var entry = entry
            try entry.insert(db)
            return entry
        }
    }

    func updateJournal(id: Int64, _ change: @Sendable @escaping (inout JournalEntry) -> Void) throws {
        try database.write { db in
            guard var entry = try JournalEntry.fetchOne(db, key: id) else { return }
            change(&entry)
            try entry.update(db)
        }
    }

    func journalEntry(processingPath: String) throws -> JournalEntry? {
        try database.read { db in
            try JournalEntry.filter(Column("processing_path") == processingPath).fetchOne(db)
        }
    }

    /// A finished entry with this content (forced or not), if the same bytes were already processed.
    func finishedEntry(contentHash: String) throws -> JournalEntry? {
        try database.read { db in
            try JournalEntry.filter(Column("content_hash") == contentHash && Column("state") == "done").fetchOne(db)
        }
    }

    package func journalEntries() throws -> [JournalEntry] {
        try database.read { db in try JournalEntry.order(Column("id")).fetchAll(db) }
    }
}
