import Foundation

/// An analytics file (DESIGN §1) read and checked row by row: our CSV, TikTok Studio's
/// `Content.csv` export, or YAML. A broken structure (not UTF-8, an unclosed quote, an unknown or
/// missing column) fails the whole file; a bad row is listed in `problems` and the others count.
public struct AnalyticsFile: Sendable {
    public enum Format: String, Sendable, Codable {
        /// `video_id,views,likes,shares,comments[,revenue][,date][,tiktok_id]`
        case reelsmithCSV = "csv"
        /// TikTok Studio's per-video export, `Content.csv`.
        case tiktokContent = "tiktok"
        /// One of TikTok Studio's account-level export files (``TikTokExport``): see `account`.
        case tiktokAccount = "tiktok-account"
        case yaml
    }

    public var format: Format
    public var rows: [AnalyticsRow]
    public var problems: [RowProblem]
    /// What an account-level TikTok Studio file says (`Overview.csv`, `FollowerActivity.csv`…).
    public var account: AccountAnalytics?

    public init(format: Format, rows: [AnalyticsRow], problems: [RowProblem], account: AccountAnalytics? = nil) {
        self.format = format
        self.rows = rows
        self.problems = problems
        self.account = account
    }

    /// Decodes `data`; `file` is the name used in messages, `ingestDay` the day a row without a
    /// date is counted on (and the reference for TikTok's year-less days).
    public static func decode(data: Data, file: String, isYAML: Bool, ingestDay: CalendarDay) throws(InputError) -> AnalyticsFile {
        if isYAML {
            return try AnalyticsYAMLDecoder.decode(YAMLDocument.parse(data: data, displayName: file), ingestDay: ingestDay)
        }
        if data.prefix(4).elementsEqual([0x50, 0x4B, 0x03, 0x04]) { throw workbook(file) }
        let table = try CSVTable.parse(data: data, file: file)
        switch TikTokExport.recognize(header: table.header.fields) {
        case .content?:
            return try TikTokContentDecoder.decode(table, file: file, ingestDay: ingestDay)
        case let export?:
            return try AccountExportDecoder.decode(table, export: export, file: file, reference: ingestDay)
        case nil:
            guard AnalyticsCSVDecoder.looksLikeOurs(header: table.header.fields) else { throw unknownHeader(table, file: file) }
            return try AnalyticsCSVDecoder.decode(table, file: file, ingestDay: ingestDay)
        }
    }

    /// TikTok Studio also offers its export as Excel workbooks. They are refused, not read: the
    /// CSV export holds the same numbers, and reading .xlsx would put a zip and an XML reader in
    /// front of untrusted files and guess at a workbook layout we cannot check (README, issue 11).
    static func workbook(_ file: String) -> InputError {
        InputError(
            .notText, file: file, problem: "this is an Excel workbook (.xlsx); Reelsmith reads analytics as CSV",
            fix: "in TikTok Studio choose CSV when exporting (Analytics › Download data › File format: CSV), "
                + "or open it in a spreadsheet and save it as \"CSV UTF-8\"")
    }

    /// A header that is neither ours nor one of TikTok Studio's files: say which files are read
    /// (their headers are in the README).
    static func unknownHeader(_ table: CSVTable, file: String) -> InputError {
        let shown = table.header.fields.prefix(4).map { "\"\(Excerpt.quote($0))\"" }.joined(separator: ",")
        let names = TikTokExport.allCases.map { $0.rawValue.replacingOccurrences(of: ".csv", with: "") }
        return InputError(
            .invalidValue(key: "header"), file: file, line: table.header.line, column: 1,
            problem: "the header \(shown)\(table.header.fields.count > 4 ? ",…" : "") is not one of a file Reelsmith reads",
            fix: "Reelsmith reads TikTok Studio's " + names.dropLast().joined(separator: ", ") + " and \(names.last!) "
                + ".csv files and its own CSV (`video_id,views,likes,shares,comments`); leave other files out of inbox/analytics/")
    }

    /// A header cell as compared with the known names: trimmed, lowercased, accent-free, `_` for spaces.
    static func columnKey(_ name: String) -> String {
        Slug.fold(name).replacingOccurrences(of: " ", with: "_")
    }
}
