import Foundation
import GRDB
import ReelsmithCore

/// What scoring the back catalogue did: external videos scored now, and those already scored by
/// the current rubric version.
package struct BackCatalogueScoring: Sendable, Equatable {
    package var scored = 0
    package var upToDate = 0

    package init(scored: Int = 0, upToDate: Int = 0) {
        self.scored = scored
        self.upToDate = upToDate
    }
}

extension LearningIndex {
    /// Scores every external video (known only from an export) whose caption has no criteria yet
    /// or was scored by an older rubric version, in one transaction (issue 23).
    @discardableResult
    package func scoreBackCatalogue(with scorer: some CaptionScorer, now: Date = Date()) throws -> BackCatalogueScoring
    {
        try database.write { db in try Self.scoreBackCatalogue(db, with: scorer, now: now) }
    }

    package static func scoreBackCatalogue(_ db: Database, with scorer: some CaptionScorer, now: Date = Date()) throws
        -> BackCatalogueScoring
    {
        var result = BackCatalogueScoring()
        result.upToDate =
            try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM videos v JOIN caption_criteria c ON c.video_id = v.id
                    WHERE v.is_external = 1 AND c.rubric_version = ?
                    """, arguments: [scorer.rubricVersion]) ?? 0
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT v.id, v.description, v.niche FROM videos v LEFT JOIN caption_criteria c ON c.video_id = v.id
                WHERE v.is_external = 1 AND (c.video_id IS NULL OR c.rubric_version <> ?)
                """, arguments: [scorer.rubricVersion])
        let names = VideoCriteria.names
        let upsert = try db.makeStatement(
            sql: """
                INSERT OR REPLACE INTO caption_criteria (video_id, rubric_version, \(names.joined(separator: ", ")),
                    hook_words, scored_at)
                VALUES (?, ?, \(names.map { _ in "?" }.joined(separator: ", ")), ?, ?)
                """)
        // The cursor reads while the statement writes the same table: collect first.
        var captions: [(id: String, caption: String, niche: String)] = []
        while let row = try rows.next() { captions.append((row[0], row[1], row[2])) }
        let scored = scored(captions, with: scorer)
        for (index, criteria) in scored.enumerated() {
            let id = captions[index].id
            var arguments: [(any DatabaseValueConvertible)?] = [id, scorer.rubricVersion]
            arguments += criteria.points.map { $0 }
            arguments += [criteria.hookWords, now]
            try upsert.execute(arguments: StatementArguments(arguments))
            result.scored += 1
        }
        return result
    }

    /// Each caption's criteria, scored on every core: a caption's score depends on it alone, and a
    /// first import of a large export is scored at once (100,000 captions: 6.2 s on one core).
    static func scored(
        _ captions: [(id: String, caption: String, niche: String)], with scorer: some CaptionScorer
    ) -> [CaptionCriteria] {
        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, captions.count / 2_000))
        var results = [CaptionCriteria?](repeating: nil, count: captions.count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each part writes its own range of the buffer only.
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let range = (captions.count * part / parts)..<(captions.count * (part + 1) / parts)
                for index in range {
                    output[index] = scorer.criteria(caption: captions[index].caption, niche: captions[index].niche)
                }
            }
        }
        return results.map { $0! }
    }

    /// The stored caption criteria of one video (nil when it has none).
    package func captionCriteria(videoId: String) throws -> (rubricVersion: Int, criteria: CaptionCriteria)? {
        try database.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: "SELECT rubric_version, \(VideoCriteria.names.joined(separator: ", ")), hook_words "
                        + "FROM caption_criteria WHERE video_id = ?", arguments: [videoId])
            else { return nil }
            let points = VideoCriteria.names.indices.map { row[$0 + 1] as Int? }
            return (row[0], CaptionCriteria(points: points, hookWords: row[VideoCriteria.names.count + 1]))
        }
    }
}

extension LearningIndex {
    /// Whether an external video has no caption criteria of `rubricVersion` yet.
    package func needsBackCatalogueScoring(rubricVersion: Int) throws -> Bool {
        try database.read { db in
            try Bool.fetchOne(
                db,
                sql: """
                    SELECT EXISTS (SELECT 1 FROM videos v LEFT JOIN caption_criteria c ON c.video_id = v.id
                        WHERE v.is_external = 1 AND (c.video_id IS NULL OR c.rubric_version <> ?))
                    """, arguments: [rubricVersion]) ?? false
        }
    }
}
