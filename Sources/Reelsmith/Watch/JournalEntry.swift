import Foundation
import GRDB

/// One input file the daemon claimed, and how it ended: the exactly-once journal (DESIGN §3),
/// keyed by content hash.
struct JournalEntry: Sendable, Codable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "journal"

    public enum State: String, Sendable, Codable {
        case claimed, running, done, failed, duplicate
    }

    public var id: Int64?
    public var contentHash: String
    public var kind: String?
    /// Where the user dropped it, relative to the inbox (`requests/a.yaml`).
    public var source: String
    /// Where it waits while it runs (the processing area, same filesystem as the inbox claim).
    public var processingPath: String
    public var state: State
    public var forced: Bool
    /// The one-line outcome or the error shown to the user.
    public var message: String?
    /// The published folder or report, if any.
    public var output: String?
    /// Where the input ended: archive or failed area.
    public var finalPath: String?
    /// When the file had settled and when its job started (seconds since 1970), for the latency benchmark.
    public var settledAt: Double?
    public var startedAt: Double?
    public var claimedAt: Date
    public var finishedAt: Date?

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

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension LearningIndex {
    static func registerJournalMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-journal") { db in
            try db.create(table: "journal") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("content_hash", .text).notNull().indexed()
                t.column("kind", .text)
                t.column("source", .text).notNull()
                t.column("processing_path", .text).notNull().unique()
                t.column("state", .text).notNull()
                    .check { ["claimed", "running", "done", "failed", "duplicate"].contains($0) }
                t.column("forced", .boolean).notNull().defaults(to: false)
                t.column("message", .text)
                t.column("output", .text)
                t.column("final_path", .text)
                t.column("settled_at", .double)
                t.column("started_at", .double)
                t.column("claimed_at", .datetime).notNull()
                t.column("finished_at", .datetime)
            }
            // The same content finishes once, unless the file asks for `force: true`.
            try db.execute(
                sql: "CREATE UNIQUE INDEX journal_done_once ON journal(content_hash) WHERE state = 'done' AND forced = 0")
        }
    }

    func insert(journal entry: JournalEntry) throws -> JournalEntry {
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

    func journalEntries() throws -> [JournalEntry] {
        try database.read { db in try JournalEntry.order(Column("id")).fetchAll(db) }
    }
}
