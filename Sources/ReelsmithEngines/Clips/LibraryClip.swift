import Foundation
import GRDB
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// One video file of the creator's clip library (`templates/assets/<niche>/` or
/// `templates/assets/_all/`), as indexed in the learning index (issue 9). A file that cannot be
/// used keeps its row with the `problem`, so it is not probed again until it changes.
package struct LibraryClip: Sendable, Codable, Equatable, FetchableRecord, PersistableRecord {
    package static let databaseTableName = "clip_library"

    package enum Orientation: String, Sendable, Codable, Equatable {
        case portrait, landscape, square
    }

    /// Absolute path.
    package var path: String
    /// The folder under `templates/assets/`: a niche's name, or `_all`.
    package var folder: String
    var sizeBytes: Int64
    /// Modification time of the file, seconds since 1970.
    var modifiedAt: Double
    /// What the keywords were read from (the sidecar files' sizes and times): a change re-indexes.
    var keywordSource: String
    package var durationSeconds: Double?
    /// Displayed size (the pixels' aspect and the rotation applied).
    package var width: Int?
    package var height: Int?
    package var orientation: Orientation?
    /// The stored pixels' width over height (``ClipProbe/sampleAspect``). Nil in a row indexed
    /// before it was read (its size may be the stored one): such a row is probed again.
    package var sampleAspect: Double?
    /// ffprobe's `color_transfer` (`arib-std-b67`: HLG, `smpte2084`: PQ, both tone-mapped), `-` when untagged.
    var colourTransfer: String?
    /// Folded words from the file name, its sidecar `NAME.txt` and the folder's `clips.yaml`, space-separated.
    package var keywords: String
    /// Why the file is skipped (unreadable, no picture, zero length, huge); nil when usable.
    package var problem: String?
    var indexedAt: Date

    enum CodingKeys: String, CodingKey {
        case path, folder, width, height, orientation, keywords, problem
        case sizeBytes = "size_bytes"
        case modifiedAt = "modified_at"
        case keywordSource = "keyword_source"
        case durationSeconds = "duration_seconds"
        case indexedAt = "indexed_at"
        case sampleAspect = "sample_aspect"
        case colourTransfer = "colour_transfer"
    }

    var keywordSet: Set<String> { Set(keywords.split(separator: " ").map(String.init)) }
    var isUsable: Bool { problem == nil && (durationSeconds ?? 0) > 0 && (width ?? 0) > 0 && (height ?? 0) > 0 }
    package var fileName: String { (path as NSString).lastPathComponent }

    package static func orientation(width: Int, height: Int) -> Orientation {
        if width == height { return .square }
        // Within 5 % of square (e.g. 1080×1080 after a crop by a phone app) counts as square.
        let ratio = Double(width) / Double(height)
        if abs(ratio - 1) < 0.05 { return .square }
        return width > height ? .landscape : .portrait
    }
}

extension LearningIndex {

    func libraryClips(inFolders folders: [String]) throws -> [LibraryClip] {
        try database.read { db in
            try LibraryClip.filter(folders.contains(Column("folder"))).order(Column("path")).fetchAll(db)
        }
    }

    /// Replaces the rows of `folder` with `clips` (files gone are forgotten).
    func replaceLibraryClips(folder: String, with clips: [LibraryClip]) throws {
        try database.write { db in
            let paths = clips.map(\.path)
            try LibraryClip.filter(Column("folder") == folder && !paths.contains(Column("path"))).deleteAll(db)
            for clip in clips { try clip.upsert(db) }
        }
    }
}
