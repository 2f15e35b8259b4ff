import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// Writes a report into `outbox/reports/` whole or not at all: a hidden temp file in the same
/// folder (same filesystem), flushed, then `rename()`d over the old one — a syncing phone or
/// a browser never reads half a report. The folder is checked to be a real folder inside the
/// project, and the file written through its descriptor (``ProjectFolder``, issue 12).
package struct ReportWriter: Sendable {
    package let folder: URL

    package init(folder: URL) {
        self.folder = folder
    }

    package func write(_ data: Data, as name: String) throws -> URL {
        // `outbox/reports`: the project root (the outbox's parent) is the anchor.
        let anchor = folder.deletingLastPathComponent().deletingLastPathComponent()
        return try ProjectFolder(folder, under: anchor).write(data, as: name)
    }

    package func write<T: Encodable>(json value: T, as name: String) throws -> URL {
        try write(JSONFiles.encoder.encode(value), as: name)
    }
}
