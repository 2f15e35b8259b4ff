import Foundation
import Yams

/// The three inputs of DESIGN §1. A file's kind comes from a top-level `kind:` key when it has one,
/// else from its inbox folder (`trends/`, `requests/`, `analytics/`), else from its extension.
package enum InputKind: String, Sendable, Codable, CaseIterable {
    case trends, request, analytics

    /// The inbox subfolder for this kind.
    package var folder: String {
        switch self {
        case .trends: "trends"
        case .request: "requests"
        case .analytics: "analytics"
        }
    }

    /// `folder` is the inbox folder the file was dropped in, when known (the daemon moves files
    /// before running them); by default the file's parent folder.
    package static func detect(
        file: URL, data: Data, displayName: String, folder: String? = nil
    ) throws(InputError) -> InputKind {
        let fileExtension = file.pathExtension.lowercased()
        if ["yaml", "yml"].contains(fileExtension),
            let declared = try declaredKind(data: data, displayName: displayName)
        {
            return declared
        }
        let folder = folder ?? file.deletingLastPathComponent().lastPathComponent
        if let byFolder = allCases.first(where: { $0.folder == folder }) {
            return byFolder
        }
        // TikTok Studio's "Download data" gives zips of CSV files (or an .xlsx), kept in an export
        // folder the user drops whole: analytics wherever they are (issue 11).
        if ["csv", "tsv", "zip", "xlsx"].contains(fileExtension) || ZipArchiveReader.isArchive(data) {
            return .analytics
        }
        throw InputError(
            .invalidValue(key: "kind"), file: displayName, problem: "Reelsmith cannot tell what this file is",
            fix:
                "put it in inbox/requests/, inbox/trends/ or inbox/analytics/, or add a first line `kind: request` (or trends, analytics)"
        )
    }

    /// The value of a top-level `kind:` key, if the file is a YAML mapping that has one.
    static func declaredKind(data: Data, displayName: String) throws(InputError) -> InputKind? {
        // Through YAMLDocument: its guard runs before Yams builds a key (issue 12).
        guard let document = try? YAMLDocument.parse(data: data, displayName: displayName),
            let node = document.root["kind"]
        else { return nil }
        let value = node.string ?? ""
        if let kind = InputKind(rawValue: value) { return kind }
        let names = allCases.map(\.rawValue)
        let hint = KeySuggestion.nearest(to: value, among: names).map { "did you mean `\($0)`? " } ?? ""
        throw InputError(
            .invalidValue(key: "kind"), file: displayName, line: node.mark?.line, column: node.mark?.column,
            problem: "unknown kind `\(Excerpt.quote(value))`",
            fix: "\(hint)write `kind: request`, `kind: trends` or `kind: analytics`")
    }
}
