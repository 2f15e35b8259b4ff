/// What one of TikTok Studio's account-level export files says (issue 11): daily totals
/// (`Overview.csv`, `Viewers.csv`, `FollowerHistory.csv`), follower activity per hour
/// (`FollowerActivity.csv`) or audience shares (`FollowerGender.csv`, `FollowerTopTerritories.csv`).
public struct AccountAnalytics: Sendable, Equatable {
    public var export: TikTokExport
    public var days: [AccountDay] = []
    public var activity: [FollowerActivityHour] = []
    public var shares: [AudienceShare] = []
    /// Cells left without a value (`"undefined"`, empty): skipped one by one, the rest of the row counts.
    public var skippedCells = 0
    /// The day the file was exported, when known: the shares files say no day, so an older
    /// FollowerGender.csv imported after a newer one is told apart by it (``AnalyticsFile/datingShares(fileTime:)``).
    public var exportedOn: CalendarDay?
}

/// The account's numbers on one day; a file fills only its own metrics.
public struct AccountDay: Sendable, Equatable {
    public var day: CalendarDay
    public var metrics: [AccountMetric: Int]
}

/// A daily account metric, named as its column in the learning index's `account_days` table.
public enum AccountMetric: String, Sendable, Codable, CaseIterable {
    case videoViews = "video_views"
    case profileViews = "profile_views"
    case likes, comments, shares
    case totalViewers = "total_viewers"
    case newViewers = "new_viewers"
    case returningViewers = "returning_viewers"
    case followers
    case followerChange = "follower_change"

    /// Counters of a day only grow while TikTok completes the day: an older export's smaller
    /// number never replaces a newer one. The follower count and its change are states, not
    /// counters: the file imported last says them.
    var keepsLarger: Bool { self != .followers && self != .followerChange }

    /// TikTok's daily likes, comments and shares are net: a day when more were removed than added
    /// reads `"-1"` (real exports; issue 11). Views, viewers and the follower count never go below 0.
    var isNet: Bool { [.likes, .comments, .shares, .followerChange].contains(self) }

    /// The header cell (as ``AnalyticsFile/columnKey(_:)``) it is read from in `export`.
    static func column(in export: TikTokExport) -> [(key: String, metric: AccountMetric)] {
        switch export {
        case .overview:
            [
                ("video_views", .videoViews), ("profile_views", .profileViews), ("likes", .likes),
                ("comments", .comments),
                ("shares", .shares),
                // Newer exports add a 7th column, the day's net change in followers (`"-4"`).
                ("new_followers", .followerChange),
            ]
        case .viewers:
            [("total_viewers", .totalViewers), ("new_viewers", .newViewers), ("returning_viewers", .returningViewers)]
        case .followerHistory:
            [("followers", .followers), ("difference_in_followers_from_previous_day", .followerChange)]
        default: []
        }
    }
}

/// How many followers were active in one hour of one day, in TikTok Studio's hours (taken as UTC:
/// the file does not name its zone).
public struct FollowerActivityHour: Sendable, Equatable {
    public var day: CalendarDay
    /// 0–23, as exported (taken as UTC).
    public var hour: Int
    public var activeFollowers: Int
}

/// One share of the audience: a gender or a territory and its fraction of the followers.
public struct AudienceShare: Sendable, Codable, Equatable {
    public enum Dimension: String, Sendable, Codable {
        case gender, territory
    }

    public var dimension: Dimension
    public var label: String
    /// 0…1.
    public var share: Double
}
