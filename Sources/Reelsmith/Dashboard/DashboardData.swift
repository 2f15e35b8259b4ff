import Foundation

/// Everything the dashboard shows, read from the learning index in one read transaction
/// (``read(from:language:asOf:now:)``), then drawn by ``DashboardPage``.
public struct DashboardData: Sendable {
    /// Videos made and jobs failed on one day.
    public struct Day: Sendable, Equatable {
        public var day: CalendarDay
        public var made: Int
        public var failed: Int
    }

    /// Totals known on one day from the analytics snapshots: each video counts with its latest
    /// numbers read on or before that day.
    public struct Performance: Sendable, Equatable {
        public var day: CalendarDay
        public var views: Int
        public var engagement: Int
    }

    public struct StageMean: Sendable, Equatable {
        public var stage: Stage
        public var seconds: Double
        /// Runs measured (stages re-used from an earlier run are left out).
        public var runs: Int
    }

    public struct TopTrend: Sendable, Equatable {
        public var title: String
        public var views: Int
        public var engagement: Int
        public var day: String
    }

    public var generatedAt: Date
    public var language: Language
    /// The last 30 days, oldest first, every day present.
    public var days: [Day]
    public var publishedJobs: Int
    public var failedJobs: Int
    public var runningJobs: Int
    public var stageMeans: [StageMean]
    public var meanViralityScore: Double?
    public var spending: ProviderSpending
    public var performance: [Performance]
    public var niches: NichesReport
    /// The most viewed trends of each ranked niche, best first.
    public var topTrends: [String: [TopTrend]]
    public var insights: Insights
    /// Every video, newest first.
    public var videos: [LibraryEntry]
    public var trendCount: Int

    /// The share of finished generation jobs that published a video; nil before the first.
    public var successRate: Double? {
        publishedJobs + failedJobs == 0 ? nil : Double(publishedJobs) / Double(publishedJobs + failedJobs)
    }

    /// Nothing to show yet: the first-run page says what to drop where.
    public var isEmpty: Bool { videos.isEmpty && niches.niches.isEmpty && publishedJobs + failedJobs + runningJobs == 0 }
}
