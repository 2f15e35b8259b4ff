import Foundation
import GRDB

/// Computes ``Insights`` from `learning_data` (seed: `get_optimization_insights`).
enum InsightAnalyzer {
    static func insights(_ db: Database, asOf: CalendarDay, now: Date = Date()) throws -> Insights {
        let since = asOf.adding(days: -Insights.windowDays)
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
            var x: [Double] = [], y: [Double] = [], high: [Double] = []
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
        insights.recommendations = LocalizedText { InsightWording.recommendations(for: insights, in: $0) }
        return insights
    }
}

extension LearningIndex {
    /// The insights as of a day (today by default), computed from the index now.
    public func insights(asOf: CalendarDay = .today()) throws -> Insights {
        try database.read { db in try InsightAnalyzer.insights(db, asOf: asOf) }
    }
}
