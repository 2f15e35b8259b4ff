import Foundation
import GRDB
import Testing

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

/// Issue 23: videos known only from a TikTok Studio export get the criteria their caption allows.
@Suite struct BackCatalogueTests {
    private func processor(_ workspace: Workspace) throws -> InboxProcessor {
        InboxProcessor(
            generation: GenerationPipeline(workspace: workspace, index: try LearningIndex(url: workspace.indexFile)))
    }

    /// The rubric of the next version: the same scoring, a higher version.
    private struct NextRubric: CaptionScorer {
        let rubric: RubricCaptionScorer
        var rubricVersion: Int { RubricCaptionScorer.version + 1 }
        func criteria(caption: String, niche: String) -> CaptionCriteria {
            rubric.criteria(caption: caption, niche: niche)
        }
    }

    @Test func exportCaptionsAreScoredAndWhatTheyCannotTellStaysUnknown() async throws {
        let workspace = try TestSupport.makeWorkspace()
        let processor = try processor(workspace)
        let outcome = try await processor.process(
            file: TestSupport.fixtures.appendingPathComponent("analytics/back-catalogue-fr/Content.csv"),
            displayName: "Content.csv")
        #expect(outcome.summary.contains("4 new"), "\(outcome.summary)")
        let index = processor.index
        let rows = try LearningFixtures.rows(
            index,
            """
            SELECT v.tiktok_id, c.rubric_version, c.hook, c.structure, c.timing, c.emotional_triggers, c.seo_hashtags,
                c.hook_words FROM videos v JOIN caption_criteria c ON c.video_id = v.id ORDER BY v.tiktok_id DESC
            """)
        #expect(rows.count == 4)
        for row in rows {
            #expect(row["rubric_version"] as Int == RubricCaptionScorer.version)
            // Structure and timing need a script and a duration: NULL, not 0.
            #expect(row["structure"] as DatabaseValue == .null && row["timing"] as DatabaseValue == .null)
            #expect(row["hook"] as Int? != nil && row["emotional_triggers"] as Int? != nil)
            #expect(row["seo_hashtags"] as Int? != nil)
        }
        let secret = try #require(rows.first { $0["tiktok_id"] == "7490000000000000001" })
        // "Pourquoi personne ne te dit ce secret ?": 7 words, a question, a French curiosity word and trigger.
        #expect(secret["hook_words"] as Int == 7)
        #expect(secret["hook"] as Int == 25)
        #expect(secret["emotional_triggers"] as Int > 0)
        // 3 hashtags and a caption over 40 characters; "Leg day 💪🔥" has neither: a computed 0.
        #expect(secret["seo_hashtags"] as Int >= 7)
        let legDay = try #require(rows.first { $0["tiktok_id"] == "7470000000000000003" })
        #expect(legDay["seo_hashtags"] as Int == 0 && legDay["hook_words"] as Int == 2)
        let rockets = try #require(rows.first { $0["tiktok_id"] == "7460000000000000004" })
        #expect(rockets["hook_words"] as Int == 0)
        // The insights count them now: n = 4 for the hook, none for structure or timing.
        let prediction = try #require(try index.insights().scorePrediction)
        #expect(prediction.videoCount == 4 && prediction.backCatalogueCount == 4)
        #expect(prediction.link("hook")?.views.sampleSize == 4)
        #expect(prediction.link("structure")?.views.sampleSize == 0)
        #expect(prediction.link("total")?.views.sampleSize == 4)
        #expect(prediction.calibration.status == .insufficient && prediction.calibration.weights == .seed)
    }

    @Test func aNewRubricVersionScoresTheCatalogueAgainOnce() throws {
        let index = try LearningIndex(url: try TestSupport.makeWorkspace().indexFile)
        try index.database.write { db in
            for number in 1...3 {
                let id = "74900000000000000\(number)0"
                try VideoRecord(
                    id: "tiktok-\(id)", niche: "money", title: "t", language: "und", viralityScore: 0,
                    durationSeconds: 0, hookLength: 0, hashtagCount: 1, hasCta: false,
                    description: "Why nobody tells you this secret? #money", hashtags: "[]", tiktokId: id,
                    isExternal: true, createdAt: Date()
                ).insert(db)
            }
        }
        let current = RubricCaptionScorer(templates: try TemplateLibrary.load(from: TestSupport.templates))
        #expect(try index.scoreBackCatalogue(with: current) == BackCatalogueScoring(scored: 3, upToDate: 0))
        #expect(try index.scoreBackCatalogue(with: current) == BackCatalogueScoring(scored: 0, upToDate: 3))
        #expect(try index.needsBackCatalogueScoring(rubricVersion: RubricCaptionScorer.version) == false)
        let next = NextRubric(rubric: current)
        #expect(try index.needsBackCatalogueScoring(rubricVersion: next.rubricVersion))
        #expect(try index.scoreBackCatalogue(with: next) == BackCatalogueScoring(scored: 3, upToDate: 0))
        #expect(
            try LearningFixtures.int(
                index, "SELECT count(*) FROM caption_criteria WHERE rubric_version = ?",
                [
                    next.rubricVersion
                ]) == 3)
        // Our own videos are never scored from their caption: their script's criteria are known.
        try index.record(video: LearningFixtures.video("ours00000001"))
        #expect(try index.scoreBackCatalogue(with: next).scored == 0)
        #expect(try LearningFixtures.int(index, "SELECT count(*) FROM caption_criteria") == 3)
    }
}
