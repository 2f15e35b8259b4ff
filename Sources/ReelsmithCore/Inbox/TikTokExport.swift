/// The files of TikTok Studio's "Download data" export folder (issue 11), each recognised by its
/// header, never by its name (a synced or renamed file keeps its header). All are UTF-8 with a
/// byte-order mark, every field quoted, days localized and usually without a year.
package enum TikTokExport: String, Sendable, Codable, CaseIterable {
    /// One row per video: its caption, link and cumulative numbers.
    case content = "Content.csv"
    /// Daily account totals.
    case overview = "Overview.csv"
    /// Daily audience, new against returning.
    case viewers = "Viewers.csv"
    /// Daily follower count and its change.
    case followerHistory = "FollowerHistory.csv"
    /// Active followers per day and hour (the file does not name its zone; taken as UTC).
    case followerActivity = "FollowerActivity.csv"
    /// The followers' gender shares.
    case followerGender = "FollowerGender.csv"
    /// The followers' top territories and their shares.
    case followerTopTerritories = "FollowerTopTerritories.csv"

    /// The header TikTok Studio writes.
    package var header: [String] {
        switch self {
        case .content:
            [
                "Time", "Video title", "Video link", "Post time", "Total likes", "Total comments", "Total shares",
                "Total views",
            ]
        case .overview: ["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"]
        case .viewers: ["Date", "Total Viewers", "New Viewers", "Returning Viewers"]
        case .followerHistory: ["Date", "Followers", "Difference in followers from previous day"]
        case .followerActivity: ["Date", "Hour", "Active followers"]
        case .followerGender: ["Gender", "Distribution"]
        case .followerTopTerritories: ["Top territories", "Distribution"]
        }
    }

    /// The column keys (``AnalyticsFile/columnKey(_:)``) a header must hold to be this file.
    var requiredKeys: Set<String> { Set(header.map(AnalyticsFile.columnKey)) }

    /// The export file a header belongs to. `Content.csv` is recognised by its link or views
    /// column alone (a missing column is then named); the others by all of their columns.
    static func recognize(header: [String]) -> TikTokExport? {
        let keys = Set(header.map(AnalyticsFile.columnKey))
        if keys.contains("video_link") || keys.contains("total_views") { return .content }
        // The most specific first: FollowerActivity's columns are not a subset of another's, etc.
        return allCases.filter { $0 != .content && $0.requiredKeys.isSubset(of: keys) }
            .max { $0.requiredKeys.count < $1.requiredKeys.count }
    }

    /// `"Date","Video Views",…` — for messages.
    var quotedHeader: String { header.map { "\"\($0)\"" }.joined(separator: ",") }
}
