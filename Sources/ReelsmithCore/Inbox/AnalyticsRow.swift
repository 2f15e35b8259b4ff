/// One row of an analytics file: one video's cumulative numbers as of a day. TikTok's counters
/// only grow, so a row is a snapshot, never an increment to add to the previous one.
package struct AnalyticsRow: Sendable, Equatable {
    package enum Subject: Sendable, Equatable {
        /// Our format: a video of the learning index (its job id), and optionally its TikTok id to remember.
        case video(id: String, tiktokId: String?)
        /// TikTok Studio's export: the TikTok id, the full caption with its hashtags, the day it was posted.
        case tiktok(id: String, caption: String, postedOn: CalendarDay?)
    }

    /// The data row's number (1 = the first row after the header, or the first list item).
    package var row: Int
    package var line: Int
    package var subject: Subject
    package var views: Int
    package var likes: Int
    package var comments: Int
    package var shares: Int
    /// nil when the file has no revenue: a revenue known from an earlier import is kept.
    package var revenue: Double?
    /// The day the numbers were read; nil means the day the file is ingested.
    package var date: CalendarDay?

    package init(
        row: Int, line: Int, subject: Subject, views: Int, likes: Int = 0, comments: Int = 0, shares: Int = 0,
        revenue: Double? = nil, date: CalendarDay? = nil
    ) {
        self.row = row
        self.line = line
        self.subject = subject
        self.views = views
        self.likes = likes
        self.comments = comments
        self.shares = shares
        self.revenue = revenue
        self.date = date
    }
}
