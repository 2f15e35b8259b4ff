import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// The JSON the page's script reads: the whole library as compact rows (about 190 bytes a video
/// with a model's 60–100-character titles, so 10,000 videos stay under 2 MB) and the few words
/// the script writes.
struct DashboardPayload: Encodable {
    struct Labels: Encodable {
        package var score, status, views, engagement, folder, showing: String
    }

    struct FormWords: Encodable {
        var nicheRequired: String
        package var range: String
    }

    /// A video as an array: `[id, title, niche index, day, score, criteria, status index, views,
    /// engagement, folder]`, the order `row(v)` in the script reads. Two are shortened, and
    /// expanded by the script on load: the day as days since 1970-01-01, and a folder named as a
    /// job names it (`DAY-SLUG-IDPREFIX`) as `[SLUG]`.
    package struct Video: Encodable {
        package var entry: LibraryEntry
        var nicheIndex: Int

        package func encode(to encoder: any Encoder) throws {
            var container = encoder.unkeyedContainer()
            try container.encode(entry.id)
            try container.encode(entry.title)
            try container.encode(nicheIndex)
            if let day = CalendarDay(iso: entry.day) {
                try container.encode(day.days(since: Self.epoch))
            } else {
                try container.encode(entry.day)
            }
            if let score = entry.score { try container.encode(score) } else { try container.encodeNil() }
            if let criteria = entry.criteria { try container.encode(criteria) } else { try container.encodeNil() }
            try container.encode(LibraryEntry.Status.allCases.firstIndex(of: entry.status) ?? 0)
            if let views = entry.views { try container.encode(views) } else { try container.encodeNil() }
            if let engagement = entry.engagement { try container.encode(engagement) } else { try container.encodeNil() }
            if let slug = slug(of: entry.folder) {
                try container.encode([slug])
            } else if let folder = entry.folder {
                try container.encode(folder)
            } else {
                try container.encodeNil()
            }
        }

        package static let epoch = CalendarDay(year: 1970, month: 1, day: 1)!

        /// The middle of a folder named `DAY-SLUG-IDPREFIX` for this video, nil for any other name.
        package func slug(of folder: String?) -> String? {
            guard let folder, folder.hasPrefix(entry.day + "-"), folder.hasSuffix("-" + entry.id.prefix(8)) else {
                return nil
            }
            let middle = folder.dropFirst(entry.day.count + 1).dropLast(entry.id.prefix(8).count + 1)
            return middle.isEmpty ? nil : String(middle)
        }
    }

    var pageSize: Int
    var groupSeparator: String
    var videosBase: String
    package var niches: [String]
    package var criteria: [String]
    package var maximums: [Int]
    var statuses: [String]
    package var labels: Labels
    package var form: FormWords
    package var videos: [Video]

    package init(videos entries: [LibraryEntry], niches: [String], text: DashboardText, pageSize: Int) {
        self.pageSize = pageSize
        groupSeparator = NumberText.separator(text.language)
        videosBase = LibraryRow.videosBase
        self.niches = niches
        criteria = text.criterionNames
        maximums = VideoCriteria.maximums
        statuses = LibraryEntry.Status.allCases.map(text.statusName)
        let language = text.language
        labels = Labels(
            score: text.score, status: text.status, views: text.views, engagement: text.engagement, folder: text.folder,
            showing: language == .fr ? "{from}–{to} sur {total}" : "{from}–{to} of {total}")
        form = FormWords(
            nicheRequired: language == .fr ? "Indiquez une niche." : "Give a niche.",
            range: language == .fr
                ? "{name} doit être un entier de {min} à {max}." : "{name} must be a whole number from {min} to {max}.")
        let position = Dictionary(uniqueKeysWithValues: niches.enumerated().map { ($1, $0) })
        videos = entries.map { Video(entry: $0, nicheIndex: position[$0.niche] ?? 0) }
    }

    package func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
