import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// Which inbox names are real inputs (DESIGN §3): temp and lock files of Syncthing and editors are
/// ignored; Syncthing conflict copies are reported, not run.
enum InboxFilter {
    enum Verdict: Equatable {
        case input
        case ignored
        case conflict
    }

    /// `relativePath` is inside the inbox, e.g. `requests/a.yaml`.
    static func verdict(relativePath: String) -> Verdict {
        let components = relativePath.split(separator: "/")
        guard let name = components.last.map(String.init) else { return .ignored }
        // Dotfiles and dot-folders: .syncthing.*.tmp, .#lock, .*.swp, .stfolder, .stversions…
        if components.contains(where: { $0.hasPrefix(".") }) { return .ignored }
        let lower = name.lowercased()
        if lower.hasPrefix("~syncthing~") { return .ignored }
        if lower.hasSuffix("~") || (lower.hasPrefix("#") && lower.hasSuffix("#")) { return .ignored }
        for suffix in [".swp", ".swo", ".swx", ".part", ".partial", ".tmp", ".crdownload", ".error.txt"]
        where lower.hasSuffix(suffix) {
            return .ignored
        }
        // vim's probe files (`4913`, `5036`…): a bare number.
        if name.allSatisfy(\.isNumber) { return .ignored }
        if lower.contains(".sync-conflict-") { return .conflict }
        return .input
    }
}
