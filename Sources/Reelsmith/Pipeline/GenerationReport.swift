import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// `report.json`: what was made, how it scored, how long each stage took, and what to try next.
package struct GenerationReport: Sendable, Codable, Equatable {
    package struct Variant: Sendable, Codable, Equatable {
        package var variant: Int
        package var total: Int
        /// The offline rubric's total, when a model gave `total`.
        package var offlineTotal: Int?
        /// The total with this creator's validated weights (issue 23), when calibration is on and passed.
        package var calibratedTotal: Int? = nil
        package var title: String

        enum CodingKeys: String, CodingKey {
            case variant, total, title
            case offlineTotal = "offline_total"
            case calibratedTotal = "calibrated_total"
        }
    }

    package var jobId: String
    package var createdAt: Date
    package var request: GenerationRequest
    package var template: String
    package var score: ViralityScore
    package var variants: [Variant]
    package var chosenVariant: Int
    package var targets: ScriptTargets
    package var durationSeconds: Double
    package var wordCount: Int
    package var stageTimings: [StageTiming]
    package var suggestions: [String]
    /// The offline rubric's score of the chosen script, when a model scored it.
    package var offlineScore: ViralityScore?
    /// Which engine made each product, per stage: `offline`, `provider/model`, or
    /// `offline (fallback: …)` when a provider failed and `on_failure: offline` took over.
    package var engines: [String: String]?
    /// What the providers cost, per stage, provider and model.
    package var spend: [ProviderUsage]?
    /// How each scene's picture was made: engine, prompt, a rewrite after a refusal, a fallback.
    package var images: [SceneImage]?
    /// Per scene: its search terms, the clip shown (or the still) and why, with stock credits (issue 9).
    package var clips: ClipPlan? = nil
    /// The chosen script's total with this creator's validated weights, beside the seed's `score.total` (issue 23).
    package var calibratedTotal: Int? = nil
    /// Those weights, when they chose the variant.
    package var calibratedWeights: ScoreWeights? = nil

    enum CodingKeys: String, CodingKey {
        case request, template, score, variants, targets, suggestions, engines, spend, images, clips
        case calibratedTotal = "calibrated_total"
        case calibratedWeights = "calibrated_weights"
        case offlineScore = "offline_score"
        case jobId = "job_id"
        case createdAt = "created_at"
        case chosenVariant = "chosen_variant"
        case durationSeconds = "duration_seconds"
        case wordCount = "word_count"
        case stageTimings = "stage_timings"
    }
}

extension GenerationReport {
    /// The report of a finished job, built from its stages' products.
    package init(
        context: JobContext, written: ScriptStep.Product, clips: ClipPlan, images: [SceneImage],
        voice: VoiceStep.Product,
        suggestions: [String], spend: [ProviderUsage], stageTimings: [StageTiming]
    ) {
        let choice = written.choice
        var engines = choice.engines ?? [:]
        engines.merge(voice.engines) { first, _ in first }
        engines[EngineStage.images.rawValue] = engines[EngineStage.images.rawValue] ?? SceneImage.summary(images)
        engines[EngineStage.clips.rawValue] =
            (context.request.engines ?? context.pipeline.engines).clips?.label
            ?? ClipsEngine.offline.label
        self.init(
            jobId: context.id, createdAt: Date(), request: context.request, template: written.script.template,
            score: choice.score, variants: choice.variants, chosenVariant: choice.chosenVariant,
            targets: choice.targets,
            durationSeconds: voice.timings.durationSeconds, wordCount: voice.timings.words.count,
            stageTimings: stageTimings,
            suggestions: suggestions, offlineScore: choice.offlineScore, engines: engines,
            spend: spend.isEmpty ? nil : spend,
            images: images)
        self.clips = clips
        self.calibratedTotal = choice.calibratedTotal
        self.calibratedWeights = choice.calibratedWeights
    }
}
