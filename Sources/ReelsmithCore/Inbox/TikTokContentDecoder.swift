import Foundation

/// TikTok Studio's per-video export, `Content.csv` (DESIGN §1): header
/// `"Time","Video title","Video link","Post time","Total likes","Total comments","Total shares","Total views"`.
/// `Time` is the export day, `Post time` a localized day and month without a year, the title the
/// full caption. Columns TikTok may add later are ignored.
enum TikTokContentDecoder {
    package static let required = [
        "video_title", "video_link", "total_likes", "total_comments", "total_shares", "total_views",
    ]
    package static let optional = ["time", "post_time"]

    package static func decode(_ table: CSVTable, file: String, ingestDay: CalendarDay) throws(InputError)
        -> AnalyticsFile
    {
        var position: [String: Int] = [:]
        for (index, cell) in table.header.fields.enumerated() {
            let key = AnalyticsFile.columnKey(cell)
            if position[key] == nil { position[key] = index }
        }
        if let missing = required.first(where: { position[$0] == nil }) {
            let name = missing.replacingOccurrences(of: "_", with: " ").capitalizedFirst
            throw InputError(
                .missingKey(name: name), file: file, line: table.header.line, column: 1,
                problem: "this looks like TikTok Studio's Content.csv but has no `\(name)` column",
                fix:
                    "export it again from TikTok Studio (Analytics › Content › Download data) without editing the header"
            )
        }

        var rows: [AnalyticsRow] = []
        var problems: [RowProblem] = []
        let needed = (required + optional).compactMap { position[$0] }.max()! + 1
        // No video was made after the file was read (a day of margin for clocks and zones).
        let latest = Date().addingTimeInterval(2 * 86_400)
        for (offset, record) in table.rows.enumerated() {
            let rowNumber = offset + 1
            guard record.fields.count >= needed else {
                problems.append(
                    RowProblem(
                        file: file, row: rowNumber, line: record.line, column: 1,
                        problem:
                            "the row has \(Plural.count(record.fields.count, "field")), fewer than the header's \(table.header.fields.count)",
                        fix:
                            "export the file again from TikTok Studio; if you edited it, quote captions that contain `\(table.separator)`"
                    ))
                continue
            }
            func cell(_ key: String) -> String? { position[key].map { record.fields[$0] } }
            func column(_ key: String) -> Int? { position[key].map { record.columns[$0] } }
            var current = "video_link"
            do throws(AnalyticsValue.Invalid) {
                guard let id = AnalyticsValue.tiktokId(cell("video_link")!) else {
                    throw AnalyticsValue.Invalid(
                        problem: "`Video link` holds no TikTok video id: `\(Excerpt.quote(cell("video_link")!))`",
                        fix: "keep the link as exported (https://www.tiktok.com/@you/video/1234…)")
                }
                current = "time"
                let exportDay =
                    try cell("time").flatMap { text throws(AnalyticsValue.Invalid) in
                        try AnalyticsValue.day(text, name: "Time", reference: ingestDay)
                    } ?? ingestDay
                current = "total_views"
                let views = try AnalyticsValue.count(cell("total_views")!, name: "Total views", allowsGrouping: true)
                current = "total_likes"
                let likes = try AnalyticsValue.count(cell("total_likes")!, name: "Total likes", allowsGrouping: true)
                current = "total_comments"
                let comments = try AnalyticsValue.count(
                    cell("total_comments")!, name: "Total comments", allowsGrouping: true)
                current = "total_shares"
                let shares = try AnalyticsValue.count(cell("total_shares")!, name: "Total shares", allowsGrouping: true)
                // The year comes from the id (its top 32 bits are the creation time); the
                // month-and-day rule only when the id gives no plausible time (issue 11).
                var postedOn: CalendarDay?
                if let text = cell("post_time"), !AnalyticsValue.isMissing(text) {
                    let parts = LocalizedDay.components(text)
                    postedOn =
                        parts.flatMap { parts in
                            parts.year.flatMap { CalendarDay(year: $0, month: parts.month, day: parts.day) }
                        }
                        ?? parts.flatMap {
                            TikTokVideoId.postedDay(id: id, month: $0.month, day: $0.day, latest: latest)
                        }
                        ?? LocalizedDay.parse(text, reference: exportDay)
                    if postedOn == nil {
                        problems.append(
                            RowProblem(
                                file: file, row: rowNumber, line: record.line, column: column("post_time"),
                                problem:
                                    "`Post time` `\(Excerpt.quote(text))` is not a day Reelsmith can read; the row was imported without it",
                                fix: "nothing to do for the numbers; to keep the day, write it like `April 17`"))
                    }
                } else {
                    postedOn = TikTokVideoId.postedDay(id: id, month: nil, day: nil, latest: latest)
                }
                rows.append(
                    AnalyticsRow(
                        row: rowNumber, line: record.line,
                        subject: .tiktok(id: id, caption: cell("video_title")!, postedOn: postedOn), views: views,
                        likes: likes, comments: comments, shares: shares, revenue: nil, date: exportDay))
            } catch {
                problems.append(
                    RowProblem(
                        file: file, row: rowNumber, line: record.line, column: column(current), problem: error.problem,
                        fix: error.fix))
            }
        }
        return AnalyticsFile(format: .tiktokContent, rows: rows, problems: problems)
    }
}

extension String {
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
