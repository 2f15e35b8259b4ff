import Foundation

/// Stage 5: the word-timed captions, `captions.ass` (burned in) and `captions.srt`.
struct CaptionsStep: JobStep {
    static let stage = Stage.captions
    let context: JobContext
    let timings: VoiceTimings
    var proof: [String] { ["captions.ass", "captions.srt"] }

    func make() async throws {
        let chunks = CaptionChunk.chunks(from: timings.words, totalDuration: timings.durationSeconds)
        let writer = CaptionWriter()
        try Data(writer.ass(chunks: chunks).utf8).write(to: context.file("captions.ass"), options: .atomic)
        try Data(writer.srt(chunks: chunks).utf8).write(to: context.file("captions.srt"), options: .atomic)
    }

    func reuse() throws {}
}
