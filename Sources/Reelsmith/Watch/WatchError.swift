import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// A failure of the watcher itself (not of an input file).
enum WatchError: Error, CustomStringConvertible {
    case inotify(String, errno: Int32)

    package var description: String {
        switch self {
        case .inotify(let what, let code):
            let reason = String(cString: strerror(code))
            let hint =
                code == ENOSPC
                ? " — raise the limit: sysctl fs.inotify.max_user_watches=524288" : ""
            return "inotify could not \(what): \(reason)\(hint)"
        }
    }
}
