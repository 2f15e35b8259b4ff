import Foundation

/// Writes a report into `outbox/reports/` whole or not at all: a hidden temp file in the same
/// folder (same filesystem), flushed, then `rename()`d over the old one — a syncing phone or
/// a browser never reads half a report.
struct ReportWriter: Sendable {
    let folder: URL

    func write(_ data: Data, as name: String) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let destination = folder.appendingPathComponent(name)
        let temporary = folder.appendingPathComponent(".\(name).\(UUID().uuidString.prefix(8)).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            guard rename(temporary.path, destination.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination.path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        return destination
    }

    func write<T: Encodable>(json value: T, as name: String) throws -> URL {
        try write(JSONFiles.encoder.encode(value), as: name)
    }
}
