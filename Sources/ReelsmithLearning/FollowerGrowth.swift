import ReelsmithCore

/// How the follower count moved over the 30 days up to the newest day of follower history
/// (TikTok Studio's `FollowerHistory.csv`, issue 11).
package struct FollowerGrowth: Sendable, Codable, Equatable {
    package var from: CalendarDay
    package var to: CalendarDay
    /// Followers on `to` (nil when the file gave only the daily differences).
    package var followers: Int?
    /// Followers gained (negative: lost) from `from` to `to`.
    package var change: Int
    /// `change` per day over the days covered.
    package var averagePerDay: Double

    enum CodingKeys: String, CodingKey {
        case from, to, followers, change
        case averagePerDay = "average_per_day"
    }
}
