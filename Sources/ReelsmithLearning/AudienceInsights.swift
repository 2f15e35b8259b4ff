import ReelsmithCore

/// What the account-level files of TikTok Studio's export say (issue 11): when the followers are
/// active, how their number moves, who they are, and the account's daily views. Part of
/// ``Insights`` (`insights.json`); each part is nil or empty until its file has been imported.
package struct AudienceInsights: Sendable, Codable, Equatable {
    package var bestPostingHours: PostingHours?
    package var followerGrowth: FollowerGrowth?
    /// Largest share first.
    package var genderShares: [AudienceShare]
    /// Largest share first.
    package var territoryShares: [AudienceShare]
    /// The account's daily numbers over the last 90 days of them, oldest first: a series for the
    /// reports and the dashboard.
    package var daily: [DailyAccountNumbers]

    enum CodingKeys: String, CodingKey {
        case daily
        case bestPostingHours = "best_posting_hours"
        case followerGrowth = "follower_growth"
        case genderShares = "gender_shares"
        case territoryShares = "territory_shares"
    }

    package static let empty = AudienceInsights(
        bestPostingHours: nil, followerGrowth: nil, genderShares: [], territoryShares: [], daily: [])
}

/// One day of `account_days`, as the reports show it.
package struct DailyAccountNumbers: Sendable, Codable, Equatable {
    package var day: CalendarDay
    package var videoViews: Int?
    package var profileViews: Int?
    package var newViewers: Int?
    package var returningViewers: Int?
    package var followers: Int?

    enum CodingKeys: String, CodingKey {
        case day, followers
        case videoViews = "video_views"
        case profileViews = "profile_views"
        case newViewers = "new_viewers"
        case returningViewers = "returning_viewers"
    }
}

/// New against returning viewers (Viewers.csv) over the days that have both numbers.
package struct ViewerMix: Sendable, Equatable {
    package var from: CalendarDay
    package var to: CalendarDay
    package var days: Int
    package var newViewers: Int
    package var returningViewers: Int

    /// The returning viewers' part of the two, 0…1.
    package var returningShare: Double {
        newViewers + returningViewers > 0 ? Double(returningViewers) / Double(newViewers + returningViewers) : 0
    }
}

extension AudienceInsights {
    /// The viewer mix of ``daily``; nil until Viewers.csv has been imported.
    package var viewerMix: ViewerMix? {
        let days = daily.filter { $0.newViewers != nil && $0.returningViewers != nil }
        guard let first = days.first, let last = days.last else { return nil }
        return ViewerMix(
            from: first.day, to: last.day, days: days.count,
            newViewers: days.reduce(0) { $0 + max(0, $1.newViewers ?? 0) },
            returningViewers: days.reduce(0) { $0 + max(0, $1.returningViewers ?? 0) })
    }
}
