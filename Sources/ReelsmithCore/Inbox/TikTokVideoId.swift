import Foundation

/// What a TikTok video id tells by itself: ids are Snowflake-like, their top 32 bits are the
/// video's creation time in Unix seconds (`id >> 32`). That gives a post's year, which an export's
/// `Post time` (`"February 11"`) leaves out (issue 11).
enum TikTokVideoId {
    /// The earliest plausible creation time (TikTok's international launch, 2017): anything
    /// before is an id that does not follow the rule, and is not trusted.
    package static let earliest = Date(timeIntervalSince1970: 1_483_228_800)

    /// The creation time `id` carries, or nil when it is not a number or gives no plausible time
    /// (before 2017 or after `latest`).
    static func creationDate(_ id: String, latest: Date) -> Date? {
        guard let value = UInt64(id) else { return nil }
        let date = Date(timeIntervalSince1970: TimeInterval(value >> 32))
        guard date >= earliest, date <= latest else { return nil }
        return date
    }

    /// The day a video was posted: the month and day of `Post time` (as TikTok Studio shows them,
    /// in the account's zone) in the year the id's time gives. The id's instant is in UTC and the
    /// shown day may be a day off across midnight, so the year is the one that puts the month and
    /// day nearest that instant (31 December shown for an id of 1 January 00:30 UTC stays in the
    /// old year). Without a `Post time`, the id's UTC day.
    static func postedDay(id: String, month: Int?, day: Int?, latest: Date) -> CalendarDay? {
        guard let created = creationDate(id, latest: latest) else { return nil }
        let utcDay = CalendarDay.day(of: created, in: TimeZone(identifier: "UTC")!)
        guard let month, let day else { return utcDay }
        let candidates = (utcDay.year - 1...utcDay.year + 1).compactMap {
            CalendarDay(year: $0, month: month, day: day)
        }
        return candidates.min { abs($0.days(since: utcDay)) < abs($1.days(since: utcDay)) }
    }
}
