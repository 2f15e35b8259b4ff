import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// What processing one inbox file produced, for logs, `reelsmith process` and the daemon's journal.
package struct ProcessOutcome: Sendable {
    package var kind: InputKind
    /// One line for the user.
    package var summary: String
    /// The published folder or report, when there is one.
    package var output: URL?
    /// Problems that did not stop the file (an analytics row that could not be read, an ambiguous
    /// match), one line each with its row number; the daemon writes them beside the archived input.
    package var problems: [String] = []
}
