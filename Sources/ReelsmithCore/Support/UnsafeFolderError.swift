/// A folder Reelsmith would write into that is not a real folder inside the project — a link a
/// synced device put in place of `outbox/failed`, say — or that cannot be written (disk full).
/// Nothing is written through it; the daemon reports it and goes on with other work (issue 12).
package struct UnsafeFolderError: Error, Sendable, Equatable, CustomStringConvertible {
    package var folder: String
    package var problem: String
    /// The system's error number, when one caused it (ENOSPC, EFBIG…).
    package var code: Int32?

    package init(folder: String, problem: String, code: Int32? = nil) {
        self.folder = folder
        self.problem = problem
        self.code = code
    }

    /// Whether the folder itself was tampered with (as opposed to a full disk).
    package var isTampered: Bool { code == nil }

    package var description: String {
        isTampered
            ? "\(folder) \(problem): Reelsmith writes only into real folders inside the project — "
                + "replace it with a real folder (delete the link, then `mkdir`); nothing was written through it"
            : "\(folder): \(problem)"
    }
}
