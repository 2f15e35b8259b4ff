import Foundation
import Logging

/// Stage 4 (DESIGN §2, §7): the voiceover and its word timings. The voice engine speaks; the
/// timings come from the engine when it gives them (espeak-ng), else from the `align` engine
/// (a transcription with word timestamps), else from offline alignment. A provider or command
/// that fails hands over to espeak-ng (`on_failure: offline`) or fails the job (`fail`).
struct VoiceStage: Sendable {
    let engines: JobEngines
    let ffmpeg: String
    let staging: URL
    let language: Language
    /// The espeak-ng voice: the request's, or the language's default.
    let offlineVoice: String
    let logger: Logger

    private func file(_ name: String) -> URL { staging.appendingPathComponent(name) }

    /// Writes `work/voice.wav` (for the render), `voice.mp3` and `timings.json`; returns the timings
    /// and the labels of the voice and align engines.
    func run(_ script: Script) async throws -> (VoiceTimings, voice: String, align: String) {
        let voiceScript = VoiceScript(scenes: script.scenes)
        try FileManager.default.createDirectory(at: file("work"), withIntermediateDirectories: true)
        let espeak = EspeakVoice(voice: offlineVoice)
        var track: VoiceTrack
        var voiceLabel: String
        if let engine = engines.voice {
            do {
                track = try await engine.speak(voiceScript, in: staging)
                voiceLabel = track.label
            } catch let problem as any FallbackCause where engines.settings.onFailure == .offline {
                logger.warning("voice engine failed, using espeak-ng", metadata: ["error": "\(problem)"])
                track = try await espeak.speak(voiceScript, in: staging)
                voiceLabel = "offline (fallback: \(problem.problem))"
            }
        } else {
            track = try await espeak.speak(voiceScript, in: staging)
            voiceLabel = track.label
        }
        try WAVFile.data(samples: track.samples, sampleRate: track.sampleRate).write(to: file("work/voice.wav"), options: .atomic)
        let mp3 = try await publishMP3(track)

        var alignLabel = "engine's own word timings"
        let words: [WordTiming]
        if let known = track.words {
            words = known
        } else if let aligner = engines.transcriber {
            do {
                words = try await aligner.timings(of: voiceScript, audio: mp3, duration: track.durationSeconds, language: language)
                alignLabel = engines.settings.align.label
            } catch let error as ProviderError where engines.settings.onFailure == .offline {
                logger.warning("align engine failed, aligning offline", metadata: ["error": "\(error)"])
                words = try await OfflineAligner(referenceVoice: offlineVoice)
                    .timings(of: voiceScript, in: track.samples, sampleRate: track.sampleRate)
                alignLabel = "offline (fallback: \(error.problem))"
            }
        } else {
            words = try await OfflineAligner(referenceVoice: offlineVoice)
                .timings(of: voiceScript, in: track.samples, sampleRate: track.sampleRate)
            alignLabel = "offline (espeak-ng and dynamic time warping)"
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

/// A failure that `on_failure: offline` answers with the offline engine: a provider's or a
/// command engine's.
protocol FallbackCause: Error {
    var problem: String { get }
}

extension ProviderError: FallbackCause {}
extension CommandRun.Failure: FallbackCause {}
