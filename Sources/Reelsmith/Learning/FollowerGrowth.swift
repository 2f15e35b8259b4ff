/// How the follower count moved over the 30 days up to the newest day of follower history
/// (TikTok Studio's `FollowerHistory.csv`, issue 11).
public struct FollowerGrowth: Sendable, Codable, Equatable {
    public var from: CalendarDay
    public var to: CalendarDay
    /// Followers on `to` (nil when the file gave only the daily differences).
    public var followers: Int?
    /// Followers gained (negative: lost) from `from` to `to`.
    public var change: Int
    /// `change` per day over the days covered.
    public var averagePerDay: Double

    enum CodingKeys: String, CodingKey {
        case from, to, followers, change
        case averagePerDay = "average_per_day"
    }
}
