import Foundation
import GRDB
import ReelsmithCore

/// Computes ``AudienceInsights`` from the account tables (issue 11). Each part is counted back
/// from the newest day of its own data, as the video insights are from the newest analytics day.
enum AudienceAnalyzer {
    /// Days of follower activity averaged for the best hours (TikTok Studio shows the last 7).
    static let activityDays = 28
    static let seriesDays = 90

    package static func insights(_ db: Database, localZone: TimeZone) throws -> AudienceInsights {
        var result = AudienceInsights.empty
        if let newest = try CalendarDay.fetchOne(db, sql: "SELECT max(day) FROM follower_activity") {
            let samples = try Row.fetchAll(
                db, sql: "SELECT day, hour, active_followers FROM follower_activity WHERE day > ?",
                arguments: [newest.adding(days: -activityDays)]
            ).map { FollowerActivityHour(day: $0[0], hour: $0[1], activeFollowers: $0[2]) }
            result.bestPostingHours = PostingHours.best(samples, localZone: localZone)
        }
        result.followerGrowth = try growth(db)
        for share in try Row.fetchAll(
            db, sql: "SELECT dimension, label, share FROM audience_shares ORDER BY share DESC, label")
        {
            let value = AudienceShare(
                dimension: AudienceShare.Dimension(rawValue: share[0]) ?? .territory, label: share[1], share: share[2])
            if value.dimension == .gender {
                result.genderShares.append(value)
            } else {
                result.territoryShares.append(value)
            }
        }
        if let newest = try CalendarDay.fetchOne(db, sql: "SELECT max(day) FROM account_days") {
            result.daily = try Row.fetchAll(
                db,
                sql: """
                    SELECT day, video_views, profile_views, new_viewers, returning_viewers, followers FROM account_days
                    WHERE day > ? ORDER BY day
                    """, arguments: [newest.adding(days: -seriesDays)]
            ).map {
                DailyAccountNumbers(
                    day: $0[0], videoViews: $0[1], profileViews: $0[2], newViewers: $0[3], returningViewers: $0[4],
                    followers: $0[5])
            }
        }
        return result
    }

    /// Over the 30 days up to the newest day with follower numbers: the count's difference when
    /// both ends have one, else the sum of the daily differences after the first day.
    private static func growth(_ db: Database) throws -> FollowerGrowth? {
        guard
            let newest = try CalendarDay.fetchOne(
                db, sql: "SELECT max(day) FROM account_days WHERE followers IS NOT NULL OR follower_change IS NOT NULL")
        else { return nil }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT day, followers, follower_change FROM account_days
                WHERE day > ? AND (followers IS NOT NULL OR follower_change IS NOT NULL) ORDER BY day
                """, arguments: [newest.adding(days: -Insights.windowDays)])
        guard let first = rows.first, let last = rows.last else { return nil }
        let from: CalendarDay = first[0]
        let to: CalendarDay = last[0]
        let change: Int
        if let start = first[1] as Int?, let end = last[1] as Int? {
            change = end - start
        } else {
            change = rows.dropFirst().compactMap { $0[2] as Int? }.reduce(0, +)
        }
        let days = max(1, to.days(since: from))
        return FollowerGrowth(
            from: from, to: to, followers: last[1], change: change, averagePerDay: Double(change) / Double(days))
    }
}
