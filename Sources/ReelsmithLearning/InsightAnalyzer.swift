import Foundation
import GRDB
import ReelsmithCore

/// Computes ``Insights`` from `learning_data` (seed: `get_optimization_insights`).
package enum InsightAnalyzer {
    package static func insights(
        _ db: Database, asOf: CalendarDay, now: Date = Date(), localZone: TimeZone = .current
    ) throws -> Insights {
        // 30 days counting `asOf` itself.
        let since = asOf.adding(days: 1 - Insights.windowDays)
        let columns = LearningFeature.allCases.map(\.column).joined(separator: ", ")
        let rows = try Row.fetchCursor(
            db, sql: "SELECT views, \(columns) FROM learning_data WHERE views IS NOT NULL AND metrics_date >= ?",
            arguments: [since])
        var views: [Double] = []
        var values: [LearningFeature: [Double?]] = [:]
        while let row = try rows.next() {
            views.append(Double(row[0] as Int))
            for (offset, feature) in LearningFeature.allCases.enumerated() {
                values[feature, default: []].append(row[offset + 1] as Double?)
            }
        }
        let isHigh = views.map { $0 > Double(Insights.highPerformerViews) }
        var features: [FeatureInsight] = []
        for feature in LearningFeature.allCases {
            let column = values[feature] ?? []
            var x: [Double] = []
            var y: [Double] = []
            var high: [Double] = []
            for index in column.indices {
                guard let value = column[index] else { continue }
                x.append(value)
                y.append(views[index])
                if isHigh[index] { high.append(value) }
            }
            let correlation = SpearmanCorrelation(x, y)
            let evidence = Evidence(correlation)
            var insight = FeatureInsight(
                feature: feature, correlation: correlation, evidence: evidence, highPerformerCount: high.count,
                highPerformerAverage: high.isEmpty ? nil : high.reduce(0, +) / Double(high.count),
                summary: LocalizedText(en: "", fr: ""))
            insight.summary = LocalizedText { InsightWording.summary(of: insight, in: $0) }
            features.append(insight)
        }
        func rounded(_ feature: LearningFeature) -> Int? {
            features.first { $0.feature == feature }?.highPerformerAverage.map { Int($0.rounded()) }
        }
        var insights = Insights(
            generatedAt: now, asOf: asOf, since: since, videoCount: views.count,
            highPerformerCount: isHigh.filter { $0 }.count, optimalDurationSeconds: rounded(.durationSeconds),
            viralityThreshold: rounded(.viralityScore), optimalHashtagCount: rounded(.hashtagCount),
            optimalHookLength: rounded(.hookLength), features: features,
            recommendations: LocalizedText(en: [], fr: []))
        insights.olderVideoCount =
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM learning_data WHERE views IS NOT NULL AND metrics_date < ?",
                arguments: [since]) ?? 0
        let hasAnalytics = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM analytics)") ?? false
        insights.window = LocalizedText { InsightWording.window(of: insights, hasAnalytics: hasAnalytics, in: $0) }
        insights.audience = try AudienceAnalyzer.insights(db, localZone: localZone)
        let prediction = ScorePrediction(samples: try ScoreSample.fetchAll(db))
        insights.scorePrediction = prediction
        insights.recommendations = LocalizedText {
            InsightWording.recommendations(for: insights, hasAnalytics: hasAnalytics, in: $0) + prediction.advice[$0]
        }
        return insights
    }

    /// The day the window ends: the newest day of video analytics in the index, today without any.
    package static func newestAnalyticsDay(_ db: Database) throws -> CalendarDay? {
        try CalendarDay.fetchOne(db, sql: "SELECT max(date) FROM analytics")
    }
}

extension LearningIndex {
    /// The insights over the 30 days up to `asOf`, by default the newest analytics day in the
    /// index (today when there is none), computed from the index now. `localZone` is the zone the
    /// best posting hours are also given in.
    package func insights(asOf: CalendarDay? = nil, localZone: TimeZone = .current) throws -> Insights {
        try database.read { db in
            let day = try asOf ?? InsightAnalyzer.newestAnalyticsDay(db) ?? .today()
            return try InsightAnalyzer.insights(db, asOf: day, localZone: localZone)
        }
    }
}
