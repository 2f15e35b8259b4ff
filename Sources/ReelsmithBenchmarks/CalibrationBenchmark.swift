import Foundation
import GRDB
import Reelsmith
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning

/// `reelsmith bench learning`, issue 23's part: a back catalogue of generated external videos
/// (captions with hashtags and emoji; views that follow which of seven hooks the caption opens
/// with, not any one criterion, so the fit finds whichever criteria rank them) scored by the
/// offline rubric, then the score's check against views and the calibration fit, in a temp
/// learning index.
package struct CalibrationBenchmark: Sendable {
    package let templates: URL

    package init(templates: URL) {
        self.templates = templates
    }

    package func run(videos: Int) throws -> [LearningBenchmark.Row] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reelsmith-bench-calibration-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let index = try LearningIndex(url: root.appendingPathComponent("index.sqlite"))
        let hooks = [
            "Why nobody tells you this secret?", "3 mistakes I made", "Morning routine",
            "The truth about saving money that finally changed everything for me this year",
            "Stop doing this!", "My honest review", "You will never guess what happened next",
        ]
        let insertStart = Date()
        try index.database.write { db in
            let start: Int64 = 1_600_000_000
            for number in 0..<videos {
                let hook = hooks[number % hooks.count]
                let caption = "\(hook) Day \(number) of the challenge 🔥 #money #tips\(number % 9) #fyp"
                let tiktokId = String((start + Int64(number) * 600) << 32 | Int64(number & 0xffff))
                let video = VideoRecord(
                    id: "tiktok-\(tiktokId)", niche: "money", title: hook, language: "und", viralityScore: 0,
                    durationSeconds: 0, hookLength: 0, hashtagCount: 3, hasCta: false, description: caption,
                    hashtags: "[]", tiktokId: tiktokId, isExternal: true, createdAt: Date())
                try video.insert(db)
                try LearningDataRecord.features(of: video).saveFeatures(db)
                let views = 1000 * (1 + number % hooks.count) + (number &* 7919) % 5000
                try db.execute(
                    sql: "UPDATE learning_data SET views = ?, engagement_rate = ?, metrics_date = ? WHERE video_id = ?",
                    arguments: [views, Double(number % 13) / 100, "2026-01-01", video.id])
            }
        }
        var rows = [
            LearningBenchmark.Row(
                name: "catalogue set-up", seconds: Date().timeIntervalSince(insertStart),
                detail: "\(videos) external videos with captions and views inserted (not part of the bound)")
        ]
        let library = try TemplateLibrary.load(from: templates)
        let scoringStart = Date()
        let scoring = try index.scoreBackCatalogue(with: RubricCaptionScorer(templates: library))
        rows.append(
            .init(
                name: "back-catalogue scoring", seconds: Date().timeIntervalSince(scoringStart),
                detail: "\(scoring.scored) captions scored by the offline rubric (hook, emotion, SEO), one transaction")
        )
        let samples = try index.database.read { db in try ScoreSample.fetchAll(db) }
        let fitStart = Date()
        let calibration = ScoreCalibration.fit(samples)
        rows.append(
            .init(
                name: "calibration fit", seconds: Date().timeIntervalSince(fitStart),
                detail: "\(samples.count) videos, time split \(calibration.trainingCount)/\(calibration.heldOutCount): "
                    + "\(calibration.status.rawValue), weights \(calibration.weights.text)"))
        let predictionStart = Date()
        let prediction = try index.database.read { db in ScorePrediction(samples: try ScoreSample.fetchAll(db)) }
        rows.append(
            .init(
                name: "score vs views, all", seconds: Date().timeIntervalSince(predictionStart),
                detail: "read + Spearman per criterion (views, engagement) + fit + advice: "
                    + "\(prediction.links.count) links, \(prediction.advice.en.count) advice lines"))
        return rows
    }
}
