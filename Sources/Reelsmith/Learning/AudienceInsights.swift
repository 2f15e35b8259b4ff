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
