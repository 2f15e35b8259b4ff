import Foundation
import Logging
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// Stages 1–2 (DESIGN §2): the request's variants written (concurrently, each checkpointed as it
/// arrives), all scored, and the best kept, in `script.json` and `virality.json`.
package struct ScriptStep: JobStep {
    /// The chosen script and why it was chosen.
    package struct Product: Sendable {
        package var script: Script
        package var choice: ScriptChoice
    }

    package static let stage = Stage.script
    package let context: JobContext
    var proof: [String] { ["script.json", "virality.json"] }

    package func reuse() throws -> Product {
        Product(
            script: try JSONFiles.read(Script.self, from: context.file("script.json")),
            choice: try JSONFiles.read(ScriptChoice.self, from: context.file("virality.json")))
    }

    package func make() async throws -> Product {
        let request = context.request
        let index = context.pipeline.index
        let insights = try index.insights()
        let brief = ScriptBrief(
            request: request, targets: InsightSteering(insights: insights).targets(for: request),
            trends: (try? index.trendHints(niche: request.niche)) ?? [],
            insights: insights.videoCount > 0 ? insights.recommendations[request.language] : [])
        try FileManager.default.createDirectory(at: context.file("work/scripts"), withIntermediateDirectories: true)
        let written = try await withThrowingTaskGroup(of: ScriptVariant.self) { group in
            for variant in 1...request.variants {
                group.addTask { try await write(variant, brief: brief) }
            }
            return try await group.reduce(into: []) { $0.append($1) }.sorted { $0.variant < $1.variant }
        }
        try FileManager.default.createDirectory(at: context.file("work/scores"), withIntermediateDirectories: true)
        let scored = try await withThrowingTaskGroup(of: ScoredVariant.self) { group in
            for variant in written {
                group.addTask { try await score(variant, brief: brief) }
            }
            return try await group.reduce(into: [Int: ScoredVariant]()) { $0[$1.variant] = $1 }
        }
        let calibration = context.pipeline.calibratesScore ? insights.scorePrediction?.calibration : nil
        var product = try Self.choose(
            written: written, scored: scored, targets: brief.targets, calibration: calibration)
        if !context.pipeline.calibratesScore { product.choice.calibration = "off" }
        try JSONFiles.write(product.choice, to: context.file("virality.json"))
        try JSONFiles.write(product.script, to: context.file("script.json"))
        return product
    }

    /// The best variant. Model totals are compared with model totals only: when a variant's score
    /// fell back to the rubric, every variant is compared on the rubric. Once this creator's
    /// calibrated weights have passed their validation (issue 23), variants are compared on the
    /// calibrated total of those same criteria; before, on the seed's.
    package static func choose(
        written: [ScriptVariant], scored: [Int: ScoredVariant], targets: ScriptTargets,
        calibration: ScoreCalibration? = nil
    ) throws -> Product {
        let byModel = scored.values.allSatisfy(\.isModelScore)
        let fallback = scored.values.sorted { $0.variant < $1.variant }.first { !$0.isModelScore }?.engine
        let weights = calibration.flatMap { $0.isValidated ? $0.weights : nil }
        func total(_ result: ScoredVariant) -> ViralityScore { byModel ? result.score : result.offlineScore }
        func ranking(_ result: ScoredVariant) -> Int { weights?.total(total(result)) ?? total(result).total }
        var best: (variant: ScriptVariant, result: ScoredVariant)?
        var variants: [GenerationReport.Variant] = []
        for variant in written {
            guard let result = scored[variant.variant] else { continue }
            variants.append(
                .init(
                    variant: variant.variant, total: total(result).total,
                    offlineTotal: byModel ? result.offlineScore.total : nil,
                    calibratedTotal: weights?.total(total(result)), title: variant.script.title))
            if best == nil || ranking(result) > ranking(best!.result) { best = (variant, result) }
        }
        guard let best else { throw CancellationError() }
        var choice = ScriptChoice(
            chosenVariant: best.variant.variant, score: total(best.result),
            offlineScore: byModel ? best.result.offlineScore : nil, variants: variants, targets: targets,
            engines: [
                EngineStage.script.rawValue: best.variant.engine,
                EngineStage.score.rawValue: byModel ? best.result.engine : fallback ?? EngineLabel.offline,
            ])
        choice.calibration = calibration?.status.rawValue
        choice.calibratedTotal = weights?.total(total(best.result))
        choice.calibratedWeights = weights
        return Product(script: best.variant.script, choice: choice)
    }

    /// One variant: read back from its checkpoint, or written now and checkpointed.
    private func write(_ variant: Int, brief: ScriptBrief) async throws -> ScriptVariant {
        let checkpoint = context.file("work/scripts/variant-\(variant).json")
        if let saved = try? JSONFiles.read(ScriptVariant.self, from: checkpoint) { return saved }
        let made = try await context.engines.script.run(logger: context.logger) { writer in
            try await writer.write(brief, variant: variant)
        }
        let written = ScriptVariant(variant: variant, engine: made.engine, script: made.value)
        try JSONFiles.write(written, to: checkpoint)
        return written
    }

    /// One variant's scores: read back from the checkpoint, or computed now and checkpointed. The
    /// offline rubric always scores it too: the learning loop compares the two.
    private func score(_ variant: ScriptVariant, brief: ScriptBrief) async throws -> ScoredVariant {
        let checkpoint = context.file("work/scores/variant-\(variant.variant).json")
        if let saved = try? JSONFiles.read(ScoredVariant.self, from: checkpoint) { return saved }
        let engine = context.engines.score
        let offline = try await engine.offline.score(variant.script, brief: brief)
        let made = try await engine.run(logger: context.logger) { scorer in
            engine.isOffline ? offline : try await scorer.score(variant.script, brief: brief)
        }
        let scored = ScoredVariant(
            variant: variant.variant, engine: made.engine, isModelScore: made.isChosen, score: made.value,
            offlineScore: offline)
        try JSONFiles.write(scored, to: checkpoint)
        return scored
    }
}
