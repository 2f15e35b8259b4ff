import Foundation

/// What processing one inbox file produced, for logs, `reelsmith process` and the daemon's journal.
public struct ProcessOutcome: Sendable {
    public var kind: InputKind
    /// One line for the user.
    public var summary: String
    /// The published folder or report, when there is one.
    public var output: URL?
    /// Problems that did not stop the file (an analytics row that could not be read, an ambiguous
    /// match), one line each with its row number; the daemon writes them beside the archived input.
    public var problems: [String] = []
}
