import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// What the kernel told us about the inbox. Only a hint: the directory scan is the truth (DESIGN §3).
enum WatchEvent: Sendable, Equatable {
    /// A writer closed the file (`IN_CLOSE_WRITE`).
    case closedWrite(String)
    /// The file was renamed into place (`IN_MOVED_TO`): Syncthing and atomic-saving editors.
    case movedIn(String)
    /// The file is being written (`IN_CREATE`, `IN_MODIFY`): a writer may still be at work.
    case writing(String)
    /// A folder appeared; it is watched now and must be listed (files may predate the watch).
    case folderAppeared(String)
    /// The kernel queue overflowed: events were lost, scan everything.
    case overflow
}
