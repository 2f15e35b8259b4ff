import Foundation
import Logging
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// Stage 4 (DESIGN §2, §7): the voiceover and its word timings. The voice engine speaks; the
/// timings come from the engine when it gives them (espeak-ng), else from the `align` engine
/// (a transcription with word timestamps), else from offline alignment. A provider or command
/// that fails hands over to espeak-ng (`on_failure: offline`) or fails the job (`fail`).
package struct VoiceStage: Sendable {
    package let voice: StageEngine<any VoiceEngine>
    package let align: StageEngine<any Aligner>
    package let ffmpeg: String
    package let staging: URL
    package let language: Language
    package let logger: Logger

    package init(
        voice: StageEngine<any VoiceEngine>, align: StageEngine<any Aligner>, ffmpeg: String, staging: URL,
        language: Language, logger: Logger
    ) {
        self.voice = voice
        self.align = align
        self.ffmpeg = ffmpeg
        self.staging = staging
        self.language = language
        self.logger = logger
    }

    private func file(_ name: String) -> URL { staging.appendingPathComponent(name) }

    /// Writes `work/voice.wav` (for the render), `voice.mp3` and `timings.json`; returns the timings
    /// and the labels of the voice and align engines.
    package func run(_ script: Script) async throws -> (VoiceTimings, voice: String, align: String) {
        let voiceScript = VoiceScript(scenes: script.scenes)
        try FileManager.default.createDirectory(at: file("work"), withIntermediateDirectories: true)
        let spoken = try await voice.run(logger: logger) { engine in try await engine.speak(voiceScript, in: staging) }
        let track = spoken.value
        // The engine's own label says more than the settings' (the voice it used).
        let voiceLabel = spoken.fallback == nil ? track.label : spoken.engine
        try WAVFile.data(samples: track.samples, sampleRate: track.sampleRate).write(
            to: file("work/voice.wav"), options: .atomic)
        let mp3 = try await publishMP3(track)

        let words: [WordTiming]
        let alignLabel: String
        if let known = track.words {
            words = known
            alignLabel = "engine's own word timings"
        } else {
            let aligned = try await align.run(logger: logger) { aligner in
                try await aligner.timings(of: voiceScript, track: track, mp3: mp3, language: language)
            }
            words = aligned.value
            alignLabel = aligned.engine
        }
        let timings = VoiceTimings(
            durationSeconds: track.durationSeconds, sampleRate: track.sampleRate, voice: voiceLabel, words: words)
        try JSONFiles.write(timings, to: file("timings.json"))
        return (timings, voiceLabel, alignLabel)
    }

    /// `voice.mp3`: the provider's own MP3 byte for byte when it came whole, else encoded from the track.
    private func publishMP3(_ track: VoiceTrack) async throws -> Data {
        let partial = file("work/voice.partial.mp3")
        if let original = track.mp3 {
            try original.write(to: partial, options: .atomic)
        } else {
            try await ExternalTool(executable: ffmpeg, workingDirectory: staging).run([
                "-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-i", "work/voice.wav",
                "-c:a", "libmp3lame", "-b:a", "128k", "-f", "mp3", "work/voice.partial.mp3",
            ])
        }
        let data = try Data(contentsOf: partial)
        try? FileManager.default.removeItem(at: file("voice.mp3"))
        try FileManager.default.moveItem(at: partial, to: file("voice.mp3"))
        return data
    }
}
