import Foundation

/// An analytics file (DESIGN §1) read and checked row by row: our CSV, TikTok Studio's
/// `Content.csv` export, or YAML. A broken structure (not UTF-8, an unclosed quote, an unknown or
/// missing column) fails the whole file; a bad row is listed in `problems` and the others count.
package struct AnalyticsFile: Sendable {
    package enum Format: String, Sendable, Codable {
        /// `video_id,views,likes,shares,comments[,revenue][,date][,tiktok_id]`
        case reelsmithCSV = "csv"
        /// TikTok Studio's per-video export, `Content.csv`.
        case tiktokContent = "tiktok"
        /// One of TikTok Studio's account-level export files (``TikTokExport``): see `account`.
        case tiktokAccount = "tiktok-account"
        case yaml
    }

    package var format: Format
    package var rows: [AnalyticsRow]
    package var problems: [RowProblem]
    /// What an account-level TikTok Studio file says (`Overview.csv`, `FollowerActivity.csv`…).
    package var account: AccountAnalytics?
    /// For a zip of TikTok Studio's "Download data" (`Followers_<handle>.zip`…): each file in it,
    /// read as the same file dropped loose would be. Empty for a single file.
    package var parts: [Part] = []

    /// One file of a zip: what it gave, or why it could not be read. `file` names it as
    /// `Followers_x.zip/FollowerActivity.csv`, as its messages do.
    package struct Part: Sendable {
        package var file: String
        package var result: Result<AnalyticsFile, InputError>
    }

    package init(format: Format, rows: [AnalyticsRow], problems: [RowProblem], account: AccountAnalytics? = nil) {
        self.format = format
        self.rows = rows
        self.problems = problems
        self.account = account
    }

    /// Decodes `data`; `file` is the name used in messages, `ingestDay` the day a row without a
    /// date is counted on (and the reference for TikTok's year-less days). A zip is read in
    /// memory: an Excel workbook (it holds `[Content_Types].xml`) as its one sheet, any other zip
    /// file by file into ``parts``.
    package static func decode(data: Data, file: String, isYAML: Bool, ingestDay: CalendarDay) throws(InputError)
        -> AnalyticsFile
    {
        if isYAML {
            return try AnalyticsYAMLDecoder.decode(
                YAMLDocument.parse(data: data, displayName: file), ingestDay: ingestDay)
        }
        if ZipArchiveReader.isArchive(data) { return try decodeArchive(data, file: file, ingestDay: ingestDay) }
        return try decode(table: CSVTable.parse(data: data, file: file), file: file, ingestDay: ingestDay)
    }

    /// A table, from a CSV file or a workbook's sheet, by its header.
    package static func decode(table: CSVTable, file: String, ingestDay: CalendarDay) throws(InputError)
        -> AnalyticsFile
    {
        switch TikTokExport.recognize(header: table.header.fields) {
        case .content?:
            return try TikTokContentDecoder.decode(table, file: file, ingestDay: ingestDay)
        case let export?:
            return try AccountExportDecoder.decode(table, export: export, file: file, reference: ingestDay)
        case nil:
            guard AnalyticsCSVDecoder.looksLikeOurs(header: table.header.fields) else {
                throw unknownHeader(table, file: file)
            }
            return try AnalyticsCSVDecoder.decode(table, file: file, ingestDay: ingestDay)
        }
    }

    /// A workbook's sheet, or each file of a zip. A file of the zip that cannot be read is listed
    /// (named `zip/Entry.csv`) and the others still count; the zip fails when none can be read.
    static func decodeArchive(
        _ data: Data, file: String, ingestDay: CalendarDay, isInsideArchive: Bool = false
    ) throws(InputError) -> AnalyticsFile {
        let entries = try ZipArchiveReader.entries(of: data, file: file)
        if WorkbookSheet.isWorkbook(entries) {
            return try decode(
                table: WorkbookSheet.read(entries, file: file).table(file: file), file: file, ingestDay: ingestDay)
        }
        guard !isInsideArchive else {
            throw InputError(
                .notText, file: file, problem: "this is a zip inside a zip",
                fix: "unzip the outer zip and drop the zip files it holds into inbox/analytics/")
        }
        guard !entries.isEmpty else {
            throw InputError(
                .emptyFile, file: file, problem: "this zip holds no file",
                fix: "download the section again from TikTok Studio (Analytics › Download data)")
        }
        var parts: [Part] = []
        for entry in entries {
            let name = "\(file)/\(Excerpt.quote(entry.path))"
            let isYAML = ["yaml", "yml"].contains((entry.path as NSString).pathExtension.lowercased())
            do throws(InputError) {
                let decoded =
                    ZipArchiveReader.isArchive(entry.data)
                    ? try decodeArchive(entry.data, file: name, ingestDay: ingestDay, isInsideArchive: true)
                    : try decode(data: entry.data, file: name, isYAML: isYAML, ingestDay: ingestDay)
                parts.append(Part(file: name, result: .success(decoded)))
            } catch {
                parts.append(Part(file: name, result: .failure(error)))
            }
        }
        let failures = parts.compactMap { part -> InputError? in
            if case .failure(let error) = part.result { return error } else { return nil }
        }
        if failures.count == parts.count {
            if failures.count == 1 { throw failures[0] }
            throw InputError(
                failures[0].reason, file: file, problem: "none of the \(parts.count) files in this zip could be read",
                fix: "fix them as below and drop the zip again:\n" + RowProblem.listing(failures.map(\.description)))
        }
        let decoded = parts.compactMap { try? $0.result.get() }
        // The zip's problems are its files' problems, and each unreadable file as one more.
        var archive = AnalyticsFile(
            format: decoded.first?.format ?? .tiktokAccount, rows: [],
            problems: decoded.flatMap(\.problems) + failures.map(RowProblem.init(unreadable:)))
        archive.parts = parts
        return archive
    }

    /// Dates the audience shares, which TikTok Studio writes without a day: in a Followers zip, the
    /// day after FollowerHistory.csv's last day (Studio exports up to the day before the download),
    /// else the day of `fileTime` (the file's modification time, the download's for a file a browser
    /// or Syncthing wrote). Unknown, they count as of the import day.
    package func datingShares(fileTime: Date?) -> AnalyticsFile {
        var dated = self
        let fileDay = fileTime.map { CalendarDay.day(of: $0, in: TimeZone(identifier: "UTC")!) }
        if dated.account?.shares.isEmpty == false, dated.account?.exportedOn == nil {
            dated.account?.exportedOn = fileDay
        }
        let historyEnd = parts.compactMap { try? $0.result.get().account }.filter { $0.export == .followerHistory }
            .compactMap { $0.days.map(\.day).max() }.max()
        for index in dated.parts.indices {
            guard case .success(var file) = dated.parts[index].result, file.account?.shares.isEmpty == false,
                file.account?.exportedOn == nil
            else { continue }
            file.account?.exportedOn = historyEnd?.adding(days: 1) ?? fileDay
            dated.parts[index].result = .success(file)
        }
        return dated
    }

    /// A header that is neither ours nor one of TikTok Studio's files: say which files are read
    /// (their headers are in the README).
    static func unknownHeader(_ table: CSVTable, file: String) -> InputError {
        let shown = table.header.fields.prefix(4).map { "\"\(Excerpt.quote($0))\"" }.joined(separator: ",")
        let names = TikTokExport.allCases.map { $0.rawValue.replacingOccurrences(of: ".csv", with: "") }
        return InputError(
            .invalidValue(key: "header"), file: file, line: table.header.line, column: 1,
            problem:
                "the header \(shown)\(table.header.fields.count > 4 ? ",…" : "") is not one of a file Reelsmith reads",
            fix: "Reelsmith reads TikTok Studio's " + names.dropLast().joined(separator: ", ") + " and \(names.last!) "
                + ".csv files and its own CSV (`video_id,views,likes,shares,comments`); leave other files out of inbox/analytics/"
        )
    }

    /// A header cell as compared with the known names: trimmed, lowercased, accent-free, `_` for spaces.
    static func columnKey(_ name: String) -> String {
        Slug.fold(name).replacingOccurrences(of: " ", with: "_")
    }
}
