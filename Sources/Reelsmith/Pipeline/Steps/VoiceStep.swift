import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// Stage 4: `voice.mp3`, `work/voice.wav` for the render, the word timings in `timings.json`, and
/// which engines spoke and timed it in `work/voice-engines.json`.
package struct VoiceStep: JobStep {
    /// The voiceover's timings and the labels of the engines that made them.
    package struct Product: Sendable {
        package var timings: VoiceTimings
        /// `voice` and `align`, for `report.json`'s engines.
        package var engines: [String: String]
    }

    package static let stage = Stage.voice
    package let context: JobContext
    package let script: Script
    var proof: [String] { ["timings.json", "voice.mp3", "work/voice.wav", "work/voice-engines.json"] }

    package func make() async throws -> Product {
        let stage = VoiceStage(
            voice: context.engines.voice, align: context.engines.align, ffmpeg: context.pipeline.tools.ffmpeg,
            staging: context.staging, language: context.request.language, logger: context.logger)
        let (timings, voice, align) = try await stage.run(script)
        let engines = [EngineStage.voice.rawValue: voice, EngineStage.align.rawValue: align]
        try JSONFiles.write(engines, to: context.file("work/voice-engines.json"))
        return Product(timings: timings, engines: engines)
    }

    package func reuse() throws -> Product {
        Product(
            timings: try JSONFiles.read(VoiceTimings.self, from: context.file("timings.json")),
            engines: try JSONFiles.read([String: String].self, from: context.file("work/voice-engines.json")))
    }
}
