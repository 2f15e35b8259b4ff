import Foundation

/// Our analytics CSV (DESIGN §1): a header naming the columns in any order, then one row per video.
enum AnalyticsCSVDecoder {
    package static let required = ["video_id", "views", "likes", "shares", "comments"]
    package static let optional = ["revenue", "date", "tiktok_id"]
    package static var known: [String] { required + optional }

    /// Whether a header is meant as ours: more than half of its cells are our column names or
    /// near misses of them (`viewz`), so a typo gets "did you mean" and another file gets the
    /// list of files Reelsmith reads.
    static func looksLikeOurs(header: [String]) -> Bool {
        let names = header.map(AnalyticsFile.columnKey).filter { !$0.isEmpty }
        let ours = names.filter { known.contains($0) || KeySuggestion.nearest(to: $0, among: known) != nil }
        return ours.count * 2 > names.count
    }

    package static func decode(_ table: CSVTable, file: String, ingestDay: CalendarDay) throws(InputError)
        -> AnalyticsFile
    {
        var position: [String: Int] = [:]
        for (index, cell) in table.header.fields.enumerated() {
            let name = AnalyticsFile.columnKey(cell)
            let line = table.header.line
            let column = table.header.columns[index]
            if name.isEmpty { continue }
            guard known.contains(name) else {
                let suggestion = KeySuggestion.nearest(to: name, among: known)
                throw InputError(
                    .unknownKey(name: Excerpt.quote(cell), suggestion: suggestion), file: file, line: line,
                    column: column,
                    problem: "unknown column `\(Excerpt.quote(cell))`",
                    fix: suggestion.map { "did you mean `\($0)`?" }
                        ?? "the columns are \(known.map { "`\($0)`" }.joined(separator: ", ")) (revenue, date and tiktok_id are optional)"
                )
            }
            guard position[name] == nil else {
                throw InputError(
                    .syntax, file: file, line: line, column: column,
                    problem: "the column `\(Excerpt.quote(name))` appears twice",
                    fix: "keep only one of them")
            }
            position[name] = index
        }
        if let missing = required.first(where: { position[$0] == nil }) {
            throw InputError(
                .missingKey(name: missing), file: file, line: table.header.line, column: 1,
                problem: "the header has no `\(missing)` column",
                fix: "start the file with a header such as `video_id,views,likes,shares,comments,revenue,date`")
        }

        var rows: [AnalyticsRow] = []
        rows.reserveCapacity(table.rows.count)
        var problems: [RowProblem] = []
        let width = table.header.fields.count
        for (offset, record) in table.rows.enumerated() {
            let rowNumber = offset + 1
            guard record.fields.count == width else {
                problems.append(
                    RowProblem(
                        file: file, row: rowNumber, line: record.line, column: 1,
                        problem:
                            "the row has \(Plural.count(record.fields.count, "field")) but the header has \(width)",
                        fix: "give every row the header's columns; quote a value that contains `\(table.separator)`"))
                continue
            }
            func cell(_ name: String) -> String? { position[name].map { record.fields[$0] } }
            func column(_ name: String) -> Int? { position[name].map { record.columns[$0] } }
            var current = "video_id"
            do throws(AnalyticsValue.Invalid) {
                let id = AnalyticsValue.trim(cell("video_id")!).lowercased()
                guard !id.isEmpty else {
                    throw AnalyticsValue.Invalid(
                        problem: "`video_id` is empty",
                        fix: "write the video's id (the last part of its folder name in outbox/videos/)")
                }
                var tiktokId: String?
                if let text = cell("tiktok_id"), !AnalyticsValue.trim(text).isEmpty {
                    current = "tiktok_id"
                    guard let parsed = AnalyticsValue.tiktokId(text) else {
                        throw AnalyticsValue.Invalid(
                            problem: "`tiktok_id` is not a TikTok video id: `\(Excerpt.quote(text))`",
                            fix: "write the number after /video/ in the video's link, or the whole link")
                    }
                    tiktokId = parsed
                }
                current = "views"
                let views = try AnalyticsValue.count(cell("views")!, name: "views")
                current = "likes"
                let likes = try AnalyticsValue.count(cell("likes")!, name: "likes")
                current = "shares"
                let shares = try AnalyticsValue.count(cell("shares")!, name: "shares")
                current = "comments"
                let comments = try AnalyticsValue.count(cell("comments")!, name: "comments")
                current = "revenue"
                let revenue = try cell("revenue").flatMap { text throws(AnalyticsValue.Invalid) in
                    try AnalyticsValue.revenue(text)
                }
                current = "date"
                let date = try cell("date").flatMap { text throws(AnalyticsValue.Invalid) in
                    try AnalyticsValue.day(text, name: "date", reference: ingestDay)
                }
                rows.append(
                    AnalyticsRow(
                        row: rowNumber, line: record.line, subject: .video(id: id, tiktokId: tiktokId), views: views,
                        likes: likes, comments: comments, shares: shares, revenue: revenue, date: date))
            } catch {
                problems.append(
                    RowProblem(
                        file: file, row: rowNumber, line: record.line, column: column(current), problem: error.problem,
                        fix: error.fix))
            }
        }
        return AnalyticsFile(format: .reelsmithCSV, rows: rows, problems: problems)
    }
}
