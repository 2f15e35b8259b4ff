import Foundation
import Yams

/// Analytics written as YAML, the same fields as our CSV:
/// ```yaml
/// kind: analytics
/// analytics:
///   - video_id: 3b9d943b9ed0
///     views: 15400
///     likes: 1320
///     shares: 85
///     comments: 64
///     revenue: 3.10        # optional
///     date: 2026-11-24     # optional, defaults to the ingest day
/// ```
enum AnalyticsYAMLDecoder {
    /// The keys, their ranges and examples: ``AnalyticsFields`` (also the source of `analytics.schema.json`).
    static var topLevelKeys: [String] { AnalyticsFields.table.names }

    package static func decode(_ document: YAMLDocument, ingestDay: CalendarDay) throws(InputError) -> AnalyticsFile {
        let reader = try MappingReader(document.root, file: document.file, table: AnalyticsFields.table)
        if let kind = try reader.string(AnalyticsFields.kind), kind != "analytics" {
            throw reader.error(
                .invalidValue(key: "kind"), at: "kind",
                problem: "this is a `\(Excerpt.quote(kind))` file, not analytics",
                fix: "write `kind: analytics`, or move the file to the inbox folder for \(Excerpt.quote(kind))")
        }
        // `force:` is the daemon's (it reads it before the file runs); a wrong value is still a mistake here.
        _ = try reader.bool(AnalyticsFields.force)
        guard let list = reader.node("analytics") else {
            throw reader.missing("analytics", example: "[{video_id: …, views: …}]")
        }
        guard case .sequence(let items) = list else {
            throw reader.error(
                .wrongType(key: "analytics", expected: "list"), at: "analytics", problem: "`analytics` must be a list",
                fix: "write one `- video_id: …` item per video under `analytics:`")
        }
        var rows: [AnalyticsRow] = []
        var problems: [RowProblem] = []
        for (offset, item) in items.enumerated() {
            let rowNumber = offset + 1
            let line = item.mark?.line ?? 0
            do throws(InputError) {
                guard case .mapping(let mapping) = item else {
                    throw InputError(
                        .wrongType(key: "analytics", expected: "mapping"), file: document.file, line: item.mark?.line,
                        column: item.mark?.column, problem: "the item is not a set of `key: value` pairs",
                        fix: "write `- video_id: …` then `views: …` indented under it")
                }
                let row = try MappingReader(mapping, file: document.file, table: AnalyticsFields.row)
                let id = try row.requiredString(AnalyticsFields.videoId).lowercased()
                guard let views = try row.integer(AnalyticsFields.views) else {
                    throw row.missing(AnalyticsFields.views)
                }
                var tiktokId: String?
                if let text = try row.string(AnalyticsFields.tiktokId) {
                    guard let parsed = AnalyticsValue.tiktokId(text) else {
                        throw row.error(
                            .invalidValue(key: "tiktok_id"), at: "tiktok_id",
                            problem: "`tiktok_id` is not a TikTok video id",
                            fix: "write the number after /video/ in the video's link")
                    }
                    tiktokId = parsed
                }
                var revenue: Double?
                if let text = try row.string(AnalyticsFields.revenue) {
                    do { revenue = try AnalyticsValue.revenue(text) } catch {
                        throw row.error(
                            .invalidValue(key: "revenue"), at: "revenue", problem: error.problem, fix: error.fix)
                    }
                }
                var date: CalendarDay?
                if let text = try row.string(AnalyticsFields.date) {
                    do { date = try AnalyticsValue.day(text, name: "date", reference: ingestDay) } catch {
                        throw row.error(.invalidValue(key: "date"), at: "date", problem: error.problem, fix: error.fix)
                    }
                }
                rows.append(
                    AnalyticsRow(
                        row: rowNumber, line: line, subject: .video(id: id, tiktokId: tiktokId), views: views,
                        likes: try row.integer(AnalyticsFields.likes) ?? 0,
                        comments: try row.integer(AnalyticsFields.comments) ?? 0,
                        shares: try row.integer(AnalyticsFields.shares) ?? 0, revenue: revenue, date: date))
            } catch {
                problems.append(
                    RowProblem(
                        file: document.file, row: rowNumber, line: error.line ?? line, column: error.column,
                        problem: error.problem, fix: error.fix))
            }
        }
        return AnalyticsFile(format: .yaml, rows: rows, problems: problems)
    }
}
