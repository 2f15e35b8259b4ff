import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// Everything the dashboard shows, read from the learning index in one read transaction
/// (``read(from:language:asOf:now:)``), then drawn by ``DashboardPage``.
package struct DashboardData: Sendable {
    /// Videos made and jobs failed on one day.
    package struct Day: Sendable, Equatable {
        package var day: CalendarDay
        package var made: Int
        package var failed: Int
    }

    /// Totals known on one day from the analytics snapshots: each video counts with its latest
    /// numbers read on or before that day.
    package struct Performance: Sendable, Equatable {
        package var day: CalendarDay
        package var views: Int
        package var engagement: Int
    }

    package struct StageMean: Sendable, Equatable {
        package var stage: Stage
        package var seconds: Double
        /// Runs measured (stages re-used from an earlier run are left out).
        package var runs: Int
    }

    package struct TopTrend: Sendable, Equatable {
        package var title: String
        package var views: Int
        package var engagement: Int
        package var day: String
    }

    package var generatedAt: Date
    package var language: Language
    /// The last 30 days, oldest first, every day present.
    package var days: [Day]
    package var publishedJobs: Int
    package var failedJobs: Int
    package var runningJobs: Int
    package var stageMeans: [StageMean]
    package var meanViralityScore: Double?
    package var spending: ProviderSpending
    package var performance: [Performance]
    package var niches: NichesReport
    /// The most viewed trends of each ranked niche, best first.
    package var topTrends: [String: [TopTrend]]
    package var insights: Insights
    /// Every video, newest first.
    package var videos: [LibraryEntry]
    package var trendCount: Int

    /// The share of finished generation jobs that published a video; nil before the first.
    package var successRate: Double? {
        publishedJobs + failedJobs == 0 ? nil : Double(publishedJobs) / Double(publishedJobs + failedJobs)
    }

    /// Nothing to show yet: the first-run page says what to drop where.
    package var isEmpty: Bool {
        videos.isEmpty && niches.niches.isEmpty && publishedJobs + failedJobs + runningJobs == 0
    }
}
