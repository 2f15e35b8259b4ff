import Foundation
import Yams

/// A trends file (DESIGN §1, seed: the `trends` collection), validated like a request: every
/// mistake names its line and column and how to fix it, and one mistake rejects the whole file so
/// it can be corrected and dropped again.
package struct TrendsFile: Sendable, Equatable {
    package struct Trend: Sendable, Equatable {
        package var title: String
        package var url: String?
        package var views: Int
        /// Likes + comments + shares.
        package var engagement: Int
        /// Lowercased and trimmed, so `Fitness` and `fitness ` are one niche.
        package var niche: String
        package var date: CalendarDay

        package init(title: String, url: String? = nil, views: Int, engagement: Int, niche: String, date: CalendarDay) {
            self.title = title
            self.url = url
            self.views = views
            self.engagement = engagement
            self.niche = niche
            self.date = date
        }
    }

    package var trends: [Trend]

    /// The keys, their ranges and examples: ``TrendsFields`` (also the source of `trends.schema.json`).
    static var topLevelKeys: [String] { TrendsFields.table.names }
    static var trendKeys: [String] { TrendsFields.trend.names }

    package static func decode(data: Data, displayName: String, ingestDay: CalendarDay) throws(InputError) -> TrendsFile
    {
        try decode(YAMLDocument.parse(data: data, displayName: displayName), ingestDay: ingestDay)
    }

    package static func decode(_ document: YAMLDocument, ingestDay: CalendarDay) throws(InputError) -> TrendsFile {
        let reader = try MappingReader(document.root, file: document.file, table: TrendsFields.table)
        if let kind = try reader.string(TrendsFields.kind), kind != "trends" {
            throw reader.error(
                .invalidValue(key: "kind"), at: "kind", problem: "this is a `\(Excerpt.quote(kind))` file, not trends",
                fix: "write `kind: trends`, or move the file to the inbox folder for \(Excerpt.quote(kind))")
        }
        // `force:` is the daemon's (it reads it before the file runs); a wrong value is still a mistake here.
        _ = try reader.bool(TrendsFields.force)
        guard let list = reader.node("trends") else {
            throw reader.missing(
                "trends", example: "then one `- title: …` item per trend (see inbox/trends/example-trends.yaml)")
        }
        guard case .sequence(let items) = list, !items.isEmpty else {
            throw reader.error(
                .wrongType(key: "trends", expected: "list"), at: "trends", problem: "`trends` must be a non-empty list",
                fix: "write one `- title: …` item per trend under `trends:`, each with views, engagement and niche")
        }
        var trends: [Trend] = []
        for item in items {
            guard case .mapping(let mapping) = item else {
                throw InputError(
                    .wrongType(key: "trends", expected: "mapping"), file: document.file, line: item.mark?.line,
                    column: item.mark?.column, problem: "a trend must be a set of `key: value` pairs",
                    fix: "write `- title: …` then `views: …`, `engagement: …` and `niche: …` indented under it")
            }
            trends.append(
                try trend(MappingReader(mapping, file: document.file, table: TrendsFields.trend), ingestDay: ingestDay))
        }
        return TrendsFile(trends: trends)
    }

    private static func trend(_ reader: MappingReader, ingestDay: CalendarDay) throws(InputError) -> Trend {
        let title = try reader.requiredString(TrendsFields.title)
        let niche = try reader.requiredString(TrendsFields.niche).lowercased()
        guard niche.count <= TrendsFields.niche.maximumLength else {
            throw reader.error(
                .invalidValue(key: "niche"), at: "niche", problem: "`niche` is \(niche.count) characters long",
                fix: "name the niche in a few words (at most 60 characters), e.g. `niche: fitness`")
        }
        guard let views = try reader.integer(TrendsFields.views) else { throw reader.missing(TrendsFields.views) }
        let parts = try [TrendsFields.likes, TrendsFields.comments, TrendsFields.shares].map {
            field throws(InputError) in
            try reader.integer(field)
        }
        let engagement: Int
        if let given = try reader.integer(TrendsFields.engagement) {
            if let part = ["likes", "comments", "shares"].first(where: reader.has) {
                throw reader.error(
                    .invalidValue(key: part), at: part, problem: "both `engagement` and `\(part)` are given",
                    fix: "give either `engagement` (likes + comments + shares) or likes, comments and shares, not both")
            }
            engagement = given
        } else if parts.contains(where: { $0 != nil }) {
            engagement = parts.compactMap { $0 }.reduce(0, +)
        } else {
            throw reader.missing("engagement", example: "35000   # likes + comments + shares, or give them separately")
        }
        var url: String?
        if let text = try reader.string(TrendsFields.url)?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let parsed = URL(string: text), ["http", "https"].contains(parsed.scheme?.lowercased() ?? "") else {
                throw reader.error(
                    .invalidValue(key: "url"), at: "url", problem: "`url` is not a web address",
                    fix: "write the full address starting with https://, or leave `url` out")
            }
            url = text
        }
        var date = ingestDay
        if let text = try reader.string(TrendsFields.date) {
            guard let day = CalendarDay(iso: text) else {
                throw reader.error(
                    .invalidValue(key: "date"), at: "date", problem: "`date` is not a day: `\(Excerpt.quote(text))`",
                    fix: "write it as year-month-day, e.g. `date: \(ingestDay)`, or leave it out for today")
            }
            date = day
        }
        return Trend(title: title, url: url, views: views, engagement: engagement, niche: niche, date: date)
    }
}
