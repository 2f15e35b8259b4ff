import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// Stage 7: the video recorded in the learning index with its features (DESIGN §2), under the
/// folder it is about to be published in. Always runs: recording twice replaces the row.
struct RecordStep: JobStep {
    package static let stage = Stage.record
    package let context: JobContext
    package let written: ScriptStep.Product
    package let timings: VoiceTimings
    package let folder: URL
    var proof: [String] { [] }

    package func make() async throws {
        let request = context.request
        let script = written.script
        let choice = written.choice
        let hashtags = String(decoding: try JSONEncoder().encode(script.hashtags), as: UTF8.self)
        try context.pipeline.index.record(
            video: VideoRecord(
                id: context.id, niche: request.niche, topic: request.topic, title: script.title,
                language: request.language.rawValue, viralityScore: choice.score.total,
                durationSeconds: (timings.durationSeconds * 100).rounded() / 100,
                hookLength: ScriptText.wordCount(script.hook), hashtagCount: script.hashtags.count,
                hasCta: !script.callToAction.isEmpty, description: script.description, hashtags: hashtags,
                folder: folder.path, tiktokId: nil, isExternal: false, createdAt: Date(),
                scoreEngine: choice.engines?[EngineStage.score.rawValue] ?? EngineLabel.offline,
                offlineViralityScore: choice.offlineScore?.total))
    }

    package func reuse() throws {}
}
