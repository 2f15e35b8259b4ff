import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// A folder given to `reelsmith process` (TikTok Studio's export folder, issue 11): its input
/// files, subfolders included, in path order, without the names the daemon ignores (temp, lock
/// and conflict files, dotfiles). Each is processed as the daemon would, one line apiece.
package enum InputFolder {
    /// The folder's input files, as paths relative to it, or nil when `url` is no folder.
    package static func files(in url: URL) -> [String]? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue else {
            return nil
        }
        // The enumerator does not follow links to folders; links to files are refused when read.
        guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isDirectoryKey]) else {
            return []
        }
        var files: [String] = []
        let root = url.standardizedFileURL.path
        for case let file as URL in walker {
            guard (try? file.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) != true else { continue }
            let relative = String(file.standardizedFileURL.path.dropFirst(root.count + 1))
            if InboxFilter.verdict(relativePath: relative) == .input { files.append(relative) }
        }
        return files.sorted()
    }
}
