/// What one of TikTok Studio's account-level export files says (issue 11): daily totals
/// (`Overview.csv`, `Viewers.csv`, `FollowerHistory.csv`), follower activity per hour
/// (`FollowerActivity.csv`) or audience shares (`FollowerGender.csv`, `FollowerTopTerritories.csv`).
package struct AccountAnalytics: Sendable, Equatable {
    package var export: TikTokExport
    package var days: [AccountDay] = []
    package var activity: [FollowerActivityHour] = []
    package var shares: [AudienceShare] = []
    /// Cells left without a value (`"undefined"`, empty): skipped one by one, the rest of the row counts.
    package var skippedCells = 0
    /// The day the file was exported, when known: the shares files say no day, so an older
    /// FollowerGender.csv imported after a newer one is told apart by it (``AnalyticsFile/datingShares(fileTime:)``).
    package var exportedOn: CalendarDay?
}

/// The account's numbers on one day; a file fills only its own metrics.
package struct AccountDay: Sendable, Equatable {
    package var day: CalendarDay
    package var metrics: [AccountMetric: Int]
}

/// A daily account metric, named as its column in the learning index's `account_days` table.
package enum AccountMetric: String, Sendable, Codable, CaseIterable {
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
    package var keepsLarger: Bool { self != .followers && self != .followerChange }

    /// TikTok's daily likes, comments and shares are net: a day when more were removed than added
    /// reads `"-1"` (real exports; issue 11). Views, viewers and the follower count never go below 0.
    package var isNet: Bool { [.likes, .comments, .shares, .followerChange].contains(self) }

    /// The header cell (as ``AnalyticsFile/columnKey(_:)``) it is read from in `export`.
    package static func column(in export: TikTokExport) -> [(key: String, metric: AccountMetric)] {
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
package struct FollowerActivityHour: Sendable, Equatable {
    package var day: CalendarDay
    /// 0–23, as exported (taken as UTC).
    package var hour: Int
    package var activeFollowers: Int

    package init(day: CalendarDay, hour: Int, activeFollowers: Int) {
        self.day = day
        self.hour = hour
        self.activeFollowers = activeFollowers
    }
}

/// One share of the audience: a gender or a territory and its fraction of the followers.
package struct AudienceShare: Sendable, Codable, Equatable {
    package enum Dimension: String, Sendable, Codable {
        case gender, territory
    }

    package var dimension: Dimension
    package var label: String
    /// 0…1.
    package var share: Double

    package init(dimension: Dimension, label: String, share: Double) {
        self.dimension = dimension
        self.label = label
        self.share = share
    }
}
