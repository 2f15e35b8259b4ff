import CDispatch
// `stat` is declared by Glibc, CoreFoundation and CDispatch alike; which one a file sees first
// varies, so all three are imported (MemberImportVisibility).
import CoreFoundation
import Foundation
import Glibc
import Logging
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// The creator's own clips (issue 9): video files in `templates/assets/<niche>/` and the shared
/// `templates/assets/_all/`, indexed in the learning index and re-indexed when a file, its sidecar
/// `NAME.txt` or the folder's `clips.yaml` changes. Files that cannot be used (links, unreadable,
/// no picture, no length, huge) are listed as warnings naming the file.
package struct ClipLibrary: Sendable {
    static let sharedFolder = "_all"
    static let videoExtensions: Set<String> = ["mp4", "mov", "m4v", "webm", "mkv", "avi"]
    /// Larger files are not probed: a clip is B-roll, not a film.
    package static let maximumBytes: Int64 = 2 << 30

    package let assets: URL
    package let index: LearningIndex
    package let ffprobe: String

    package init(assets: URL, index: LearningIndex, ffprobe: String) {
        self.assets = assets
        self.index = index
        self.ffprobe = ffprobe
    }

    package struct Scan: Sendable {
        package var clips: [LibraryClip]
        package var warnings: [String]
    }

    /// Brings the index of `folders` (names under `assets/`) up to date and returns their usable
    /// clips, with a warning for each file skipped.
    package func scan(folders: [String]) async throws -> Scan {
        var usable: [LibraryClip] = []
        var warnings: [String] = []
        let known = Dictionary(
            try index.libraryClips(inFolders: folders).map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        for folder in Array(Set(folders)).sorted() {
            let directory = assets.appendingPathComponent(folder)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
            let catalogURL = directory.appendingPathComponent("clips.yaml")
            let catalogSignature = Self.signature(of: catalogURL)
            var catalog: [String: [String]]?
            var rows: [LibraryClip] = []
            for name in names where !name.hasPrefix(".") {
                let stem = (name as NSString).deletingPathExtension
                guard Self.videoExtensions.contains((name as NSString).pathExtension.lowercased()) else { continue }
                let url = directory.appendingPathComponent(name)
                var info = stat()
                guard lstat(url.path, &info) == 0 else { continue }
                let sidecarURL = directory.appendingPathComponent(stem + ".txt")
                let source = "\(Self.signature(of: sidecarURL))|\(catalogSignature)"
                let size = Int64(info.st_size)
                let modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
                // A usable row indexed before the pixels' shape was read is probed again.
                if let row = known[url.path], row.sizeBytes == size, row.modifiedAt == modified,
                    row.keywordSource == source, row.problem != nil || row.sampleAspect != nil
                {
                    rows.append(row)
                    continue
                }
                if catalog == nil {
                    catalog =
                        FileManager.default.fileExists(atPath: catalogURL.path)
                        ? ClipKeywords.catalog(catalogURL, warnings: &warnings) : [:]
                }
                var keywords = ClipKeywords.words(stem)
                if FileManager.default.fileExists(atPath: sidecarURL.path) {
                    keywords += ClipKeywords.sidecar(sidecarURL, warnings: &warnings)
                }
                keywords += catalog?[name] ?? []
                if folder != Self.sharedFolder { keywords += ClipKeywords.words(folder) }
                var row = LibraryClip(
                    path: url.path, folder: folder, sizeBytes: size, modifiedAt: modified, keywordSource: source,
                    keywords: Array(NSOrderedSet(array: keywords)).compactMap { $0 as? String }.joined(separator: " "),
                    indexedAt: Date())
                if info.st_mode & S_IFMT != S_IFREG {
                    row.problem =
                        info.st_mode & S_IFMT == S_IFLNK
                        ? "it is a link (symlink), not a file; copy the clip itself into the folder"
                        : "it is not a regular file"
                } else if size == 0 {
                    row.problem = ClipProbe.Problem.zeroLength.message
                } else if size > Self.maximumBytes {
                    row.problem =
                        ClipProbe.Problem.huge("\(size >> 20) MB; at most \(Self.maximumBytes >> 20) MB").message
                } else {
                    do {
                        let probe = try await ClipProbe.probe(url.path, ffprobe: ffprobe)
                        row.durationSeconds = probe.durationSeconds
                        row.width = probe.width
                        row.height = probe.height
                        row.orientation = LibraryClip.orientation(width: probe.width, height: probe.height)
                        row.sampleAspect = probe.sampleAspect
                        row.colourTransfer = probe.colour.transfer ?? "-"
                    } catch {
                        row.problem = error.message
                    }
                }
                rows.append(row)
            }
            try index.replaceLibraryClips(folder: folder, with: rows)
            for row in rows {
                if let problem = row.problem {
                    warnings.append("\(row.path): skipped, \(problem)")
                } else if row.isUsable {
                    usable.append(row)
                }
            }
        }
        return Scan(clips: usable, warnings: warnings)
    }

    /// Size and modification time, or `-` when the file is absent.
    private static func signature(of url: URL) -> String {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return "-" }
        return "\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }
}
