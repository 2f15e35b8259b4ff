import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// Stage 5: the word-timed captions, `captions.ass` (burned in) and `captions.srt`.
struct CaptionsStep: JobStep {
    package static let stage = Stage.captions
    package let context: JobContext
    package let timings: VoiceTimings
    var proof: [String] { ["captions.ass", "captions.srt"] }

    package func make() async throws {
        let chunks = CaptionChunk.chunks(from: timings.words, totalDuration: timings.durationSeconds)
        let writer = CaptionWriter()
        try Data(writer.ass(chunks: chunks).utf8).write(to: context.file("captions.ass"), options: .atomic)
        try Data(writer.srt(chunks: chunks).utf8).write(to: context.file("captions.srt"), options: .atomic)
    }

    package func reuse() throws {}
}
