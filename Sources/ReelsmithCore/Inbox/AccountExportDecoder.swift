import Foundation

/// Reads TikTok Studio's account-level export files (``TikTokExport``, all but `Content.csv`).
/// A cell without a value (`"undefined"`, empty) is skipped and counted; a cell that is not a
/// number is listed as a row problem; the rest of the row and of the file still count.
enum AccountExportDecoder {
    package static func decode(
        _ table: CSVTable, export: TikTokExport, file: String, reference: CalendarDay
    ) throws(InputError) -> AnalyticsFile {
        var position: [String: Int] = [:]
        for (index, cell) in table.header.fields.enumerated() {
            let key = AnalyticsFile.columnKey(cell)
            if position[key] == nil { position[key] = index }
        }
        var account = AccountAnalytics(export: export)
        var problems: [RowProblem] = []
        switch export {
        case .overview, .viewers, .followerHistory:
            decodeDays(
                table, export: export, position: position, file: file, reference: reference, into: &account,
                problems: &problems)
        case .followerActivity:
            decodeActivity(
                table, position: position, file: file, reference: reference, into: &account, problems: &problems)
        case .followerGender, .followerTopTerritories:
            decodeShares(table, export: export, position: position, file: file, into: &account, problems: &problems)
        case .content:
            preconditionFailure("Content.csv is read by TikTokContentDecoder")
        }
        return AnalyticsFile(format: .tiktokAccount, rows: [], problems: problems, account: account)
    }

    // MARK: Daily files

    private static func decodeDays(
        _ table: CSVTable, export: TikTokExport, position: [String: Int], file: String, reference: CalendarDay,
        into account: inout AccountAnalytics, problems: inout [RowProblem]
    ) {
        for (rowNumber, record, day) in datedRows(
            table, dateColumn: position["date"]!, reference: reference, file: file, problems: &problems)
        {
            var metrics: [AccountMetric: Int] = [:]
            for (key, metric) in AccountMetric.column(in: export) {
                guard let index = position[key] else { continue }
                guard index < record.fields.count, !AnalyticsValue.isMissing(record.fields[index]) else {
                    account.skippedCells += 1
                    continue
                }
                let text = record.fields[index]
                let name = AnalyticsValue.trim(table.header.fields[index])
                do throws(AnalyticsValue.Invalid) {
                    metrics[metric] =
                        metric.isNet
                        ? try AnalyticsValue.signedCount(text, name: name)
                        : try AnalyticsValue.count(text, name: name, allowsGrouping: true)
                } catch {
                    problems.append(
                        RowProblem(
                            file: file, row: rowNumber, line: record.line, column: record.columns[index],
                            problem: error.problem + "; the rest of the row was recorded", fix: error.fix))
                }
            }
            if !metrics.isEmpty { account.days.append(AccountDay(day: day, metrics: metrics)) }
        }
    }

    // MARK: FollowerActivity.csv

    private static func decodeActivity(
        _ table: CSVTable, position: [String: Int], file: String, reference: CalendarDay,
        into account: inout AccountAnalytics, problems: inout [RowProblem]
    ) {
        let hourColumn = position["hour"]!
        let countColumn = position["active_followers"]!
        for (rowNumber, record, day) in datedRows(
            table, dateColumn: position["date"]!, reference: reference, file: file, problems: &problems)
        {
            guard hourColumn < record.fields.count, countColumn < record.fields.count,
                !AnalyticsValue.isMissing(record.fields[hourColumn]),
                !AnalyticsValue.isMissing(record.fields[countColumn])
            else {
                account.skippedCells += 1
                continue
            }
            guard let hour = hour(record.fields[hourColumn]) else {
                problems.append(
                    RowProblem(
                        file: file, row: rowNumber, line: record.line, column: record.columns[hourColumn],
                        problem: "`Hour` is not an hour of the day: `\(Excerpt.quote(record.fields[hourColumn]))`",
                        fix: "write it as 0 to 23 (or `19:00`, `7 PM`), as TikTok Studio exports it"))
                continue
            }
            do throws(AnalyticsValue.Invalid) {
                let count = try AnalyticsValue.count(
                    record.fields[countColumn], name: "Active followers", allowsGrouping: true)
                account.activity.append(FollowerActivityHour(day: day, hour: hour, activeFollowers: count))
            } catch {
                problems.append(
                    RowProblem(
                        file: file, row: rowNumber, line: record.line, column: record.columns[countColumn],
                        problem: error.problem,
                        fix: error.fix))
            }
        }
    }

    /// `19`, `19:00`, `7 PM`, `7pm`, `12 AM` → 0–23.
    package static func hour(_ text: String) -> Int? {
        let cleaned = AnalyticsValue.trim(text).lowercased().replacingOccurrences(of: " ", with: "")
        let digits = cleaned.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 2, var value = Int(digits) else { return nil }
        var suffix = cleaned.dropFirst(digits.count)
        if suffix.hasPrefix(":") {
            let minutes = suffix.dropFirst().prefix { $0.isNumber }
            guard minutes.count == 2, minutes == "00" else { return nil }
            suffix = suffix.dropFirst(3)
        } else if suffix.hasPrefix("h") {
            suffix = suffix.dropFirst()
        }
        switch suffix {
        case "":
            break
        case "am", "a.m.":
            guard (1...12).contains(value) else { return nil }
            value = value == 12 ? 0 : value
        case "pm", "p.m.":
            guard (1...12).contains(value) else { return nil }
            value = value == 12 ? 12 : value + 12
        default:
            return nil
        }
        return (0...23).contains(value) ? value : nil
    }

    // MARK: FollowerGender.csv, FollowerTopTerritories.csv

    private static func decodeShares(
        _ table: CSVTable, export: TikTokExport, position: [String: Int], file: String,
        into account: inout AccountAnalytics, problems: inout [RowProblem]
    ) {
        let labelColumn = position[export == .followerGender ? "gender" : "top_territories"]!
        let shareColumn = position["distribution"]!
        let dimension: AudienceShare.Dimension = export == .followerGender ? .gender : .territory
        var read: [(label: String, value: Double, isPercent: Bool)] = []
        for (offset, record) in table.rows.enumerated() {
            guard labelColumn < record.fields.count, shareColumn < record.fields.count,
                !AnalyticsValue.isMissing(record.fields[labelColumn]),
                !AnalyticsValue.isMissing(record.fields[shareColumn])
            else {
                account.skippedCells += 1
                continue
            }
            var text = AnalyticsValue.trim(record.fields[shareColumn])
            let isPercent = text.hasSuffix("%")
            text = text.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: ",", with: ".")
                .trimmingCharacters(in: .whitespaces)
            guard let value = Double(text), value.isFinite, value >= 0, value <= 100 else {
                problems.append(
                    RowProblem(
                        file: file, row: offset + 1, line: record.line, column: record.columns[shareColumn],
                        problem: "`Distribution` is not a share: `\(Excerpt.quote(record.fields[shareColumn]))`",
                        fix: "write it as a fraction (`0.45`) or a percentage (`45%`), as TikTok Studio exports it"))
                continue
            }
            read.append((AnalyticsValue.trim(record.fields[labelColumn]), value, isPercent))
        }
        // A file is on one scale: fractions (0.45) unless a value has a % or passes 1.
        let isPercentScale = read.contains { $0.isPercent || $0.value > 1 }
        account.shares = read.map {
            AudienceShare(
                dimension: dimension, label: String($0.label.prefix(80)),
                share: isPercentScale ? $0.value / 100 : $0.value)
        }
    }

    /// The rows of a daily file with their day (1-based row numbers); a row whose day cannot be
    /// read is reported and left out.
    private static func datedRows(
        _ table: CSVTable, dateColumn column: Int, reference: CalendarDay, file: String, problems: inout [RowProblem]
    ) -> [(row: Int, record: CSVTable.Record, day: CalendarDay)] {
        let texts = table.rows.map { column < $0.fields.count ? $0.fields[column] : "" }
        let days = ExportDaySequence.days(texts, reference: reference)
        var rows: [(row: Int, record: CSVTable.Record, day: CalendarDay)] = []
        for (offset, record) in table.rows.enumerated() {
            if let day = days[offset] {
                rows.append((offset + 1, record, day))
                continue
            }
            problems.append(
                RowProblem(
                    file: file, row: offset + 1, line: record.line,
                    column: column < record.columns.count ? record.columns[column] : 1,
                    problem:
                        "`Date` `\(Excerpt.quote(texts[offset]))` is not a day Reelsmith can read; the row was skipped",
                    fix: "export the file again from TikTok Studio; days read like `March 25` or `2026-03-25`"))
        }
        return rows
    }
}
