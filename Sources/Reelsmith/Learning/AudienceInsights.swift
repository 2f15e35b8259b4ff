/// What the account-level files of TikTok Studio's export say (issue 11): when the followers are
/// active, how their number moves, who they are, and the account's daily views. Part of
/// ``Insights`` (`insights.json`); each part is nil or empty until its file has been imported.
public struct AudienceInsights: Sendable, Codable, Equatable {
    public var bestPostingHours: PostingHours?
    public var followerGrowth: FollowerGrowth?
    /// Largest share first.
    public var genderShares: [AudienceShare]
    /// Largest share first.
    public var territoryShares: [AudienceShare]
    /// The account's daily numbers over the last 90 days of them, oldest first: a series for the
    /// reports and the dashboard.
    public var daily: [DailyAccountNumbers]

    enum CodingKeys: String, CodingKey {
        case daily
        case bestPostingHours = "best_posting_hours"
        case followerGrowth = "follower_growth"
        case genderShares = "gender_shares"
        case territoryShares = "territory_shares"
    }

    public static let empty = AudienceInsights(
        bestPostingHours: nil, followerGrowth: nil, genderShares: [], territoryShares: [], daily: [])
}

/// One day of `account_days`, as the reports show it.
public struct DailyAccountNumbers: Sendable, Codable, Equatable {
    public var day: CalendarDay
    public var videoViews: Int?
    public var profileViews: Int?
    public var newViewers: Int?
    public var returningViewers: Int?
    public var followers: Int?

    enum CodingKeys: String, CodingKey {
        case day, followers
        case videoViews = "video_views"
        case profileViews = "profile_views"
        case newViewers = "new_viewers"
        case returningViewers = "returning_viewers"
    }
}

/// New against returning viewers (Viewers.csv) over the days that have both numbers.
public struct ViewerMix: Sendable, Equatable {
    public var from: CalendarDay
    public var to: CalendarDay
    public var days: Int
    public var newViewers: Int
    public var returningViewers: Int

    /// The returning viewers' part of the two, 0…1.
    public var returningShare: Double {
        newViewers + returningViewers > 0 ? Double(returningViewers) / Double(newViewers + returningViewers) : 0
    }
}

extension AudienceInsights {
    /// The viewer mix of ``daily``; nil until Viewers.csv has been imported.
    public var viewerMix: ViewerMix? {
        let days = daily.filter { $0.newViewers != nil && $0.returningViewers != nil }
        guard let first = days.first, let last = days.last else { return nil }
        return ViewerMix(
            from: first.day, to: last.day, days: days.count,
            newViewers: days.reduce(0) { $0 + max(0, $1.newViewers ?? 0) },
            returningViewers: days.reduce(0) { $0 + max(0, $1.returningViewers ?? 0) })
    }
}
