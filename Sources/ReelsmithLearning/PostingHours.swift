import Foundation
import ReelsmithCore

/// The best hours to post, from TikTok Studio's follower activity (issue 11): the two
/// consecutive hours (wrapping past midnight) when the most followers are active on average.
/// The hours are TikTok Studio's as exported; FollowerActivity.csv does not name its time zone, and
/// they are taken as UTC (what guides to TikTok's analytics say), so the window given in the creator's
/// own zone rests on that assumption.
package struct PostingHours: Sendable, Codable, Equatable {
    /// Hours in a posting window: "post between 19:00 and 21:00".
    package static let windowHours = 2

    /// The zone `startHour`, `endHour` and `hourlyAverage` are taken to be in: `UTC`, assumed (the file does not say).
    package var timeZone: String
    /// The window's first hour, 0–23.
    package var startHour: Int
    /// The hour the window ends (exclusive), 0–23.
    package var endHour: Int
    /// Active followers per hour of the day, averaged over the days that have that hour (nil: no data).
    package var hourlyAverage: [Double?]
    /// The days of activity averaged, oldest and newest.
    package var dayCount: Int
    package var from: CalendarDay
    package var to: CalendarDay
    /// The same window in the creator's zone, when it is not UTC.
    package var localTimeZone: String?
    package var localStartHour: Int?
    package var localEndHour: Int?

    enum CodingKeys: String, CodingKey {
        case from, to
        case timeZone = "time_zone"
        case startHour = "start_hour"
        case endHour = "end_hour"
        case hourlyAverage = "hourly_average"
        case dayCount = "day_count"
        case localTimeZone = "local_time_zone"
        case localStartHour = "local_start_hour"
        case localEndHour = "local_end_hour"
    }

    /// The best window from `(day, hour, active followers)` samples, or nil without any.
    /// Ties go to the earliest hour of the day.
    package static func best(_ samples: [FollowerActivityHour], localZone: TimeZone) -> PostingHours? {
        let samples = withoutPartialNewestDay(samples)
        guard let from = samples.map(\.day).min(), let to = samples.map(\.day).max() else { return nil }
        var sums = [Double](repeating: 0, count: 24)
        var counts = [Int](repeating: 0, count: 24)
        for sample in samples {
            sums[sample.hour] += Double(sample.activeFollowers)
            counts[sample.hour] += 1
        }
        let averages: [Double?] = (0..<24).map { counts[$0] > 0 ? sums[$0] / Double(counts[$0]) : nil }
        var bestStart = 0
        var bestTotal = -1.0
        for start in 0..<24 {
            let total = (0..<windowHours).reduce(0.0) { $0 + (averages[(start + $1) % 24] ?? 0) }
            if total > bestTotal {
                bestTotal = total
                bestStart = start
            }
        }
        var hours = PostingHours(
            timeZone: "UTC", startHour: bestStart, endHour: (bestStart + windowHours) % 24, hourlyAverage: averages,
            dayCount: Set(samples.map(\.day)).count, from: from, to: to)
        // The offset on the newest day of data: the one the creator posts closest to.
        let utc = TimeZone(identifier: "UTC")!
        if localZone.identifier != utc.identifier, let noon = to.date(hour: 12, in: utc) {
            let offsetHours = Double(localZone.secondsFromGMT(for: noon)) / 3600
            if offsetHours != 0, offsetHours == offsetHours.rounded() {
                hours.localTimeZone = localZone.identifier
                hours.localStartHour = ((bestStart + Int(offsetHours)) % 24 + 24) % 24
                hours.localEndHour = ((hours.endHour + Int(offsetHours)) % 24 + 24) % 24
            }
        }
        return hours
    }

    /// TikTok Studio's FollowerActivity.csv ends on the export day, whose hours that have not happened
    /// yet are written as 0 (real exports; issue 11). Averaged, those zeros pull the evening down, so
    /// the newest day is left out when its last hours (up to 23:00) are all 0 where the other days
    /// had followers active. A newest day that is complete, or the only day, is kept.
    static func withoutPartialNewestDay(_ samples: [FollowerActivityHour]) -> [FollowerActivityHour] {
        guard let newest = samples.map(\.day).max() else { return samples }
        let older = samples.filter { $0.day != newest }
        guard !older.isEmpty else { return samples }
        var newestByHour: [Int: Int] = [:]
        for sample in samples where sample.day == newest { newestByHour[sample.hour] = sample.activeFollowers }
        // The trailing hours, from 23:00 back, that are 0 or missing on the newest day.
        var trailing: Set<Int> = []
        for hour in stride(from: 23, through: 0, by: -1) {
            guard (newestByHour[hour] ?? 0) == 0 else { break }
            trailing.insert(hour)
        }
        let elsewhere = older.filter { trailing.contains($0.hour) }.reduce(0) { $0 + $1.activeFollowers }
        return trailing.isEmpty || elsewhere == 0 ? samples : older
    }

    /// `19:00–21:00 UTC`, with the local window when known: `19:00–21:00 UTC (20:00–22:00 Europe/Paris)`.
    package var window: String {
        var text = String(format: "%02d:00–%02d:00 UTC", startHour, endHour)
        if let zone = localTimeZone, let start = localStartHour, let end = localEndHour {
            text += String(format: " (%02d:00–%02d:00 ", start, end) + zone + ")"
        }
        return text
    }
}

extension CalendarDay {
    /// The instant at `hour`:00 of this day in `zone`.
    package func date(hour: Int, in zone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour))
    }
}
