import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// `POST /audio/speech` at an OpenAI-compatible provider (OpenAI's tts models, Kokoro-FastAPI,
/// LocalAI, Speaches): `model`, `input`, `voice`, `speed` and `response_format`. A long script
/// goes in pieces cut at sentence ends, asked for at once (the provider's `max_in_flight` bounds
/// them) and joined without clicks.
package struct SpeechEndpointVoice: VoiceEngine {
    package let client: ProviderClient
    package let engine: VoiceEngineOptions
    package let ffmpeg: String
    /// The request's language, which picks the voice from `voices` when it names one.
    package var language: Language = .en
    let onUsage: @Sendable (ProviderUsage) -> Void

    /// OpenAI's limit per request; a local server's may differ (`input_limit`).
    static let defaultInputLimit = 4096
    package static let defaultVoice = "alloy"

    struct Body: Encodable {
        package var model: String
        package var input: String
        package var voice: String
        package var speed: Double?
        var responseFormat: String

        enum CodingKeys: String, CodingKey {
            case model, input, voice, speed
            case responseFormat = "response_format"
        }
    }

    package var format: String { engine.format ?? "mp3" }
    var voiceName: String { engine.voices?[language.rawValue] ?? engine.voice ?? Self.defaultVoice }
    /// The voice as the report names it: the one the server says it used (local-tts-studio's
    /// `X-Voice-Key`), else the one the settings chose, else "server default": a server may speak
    /// its own default whatever `voice` says (issue 19).
    func voiceLabel(reported: String? = nil) -> String {
        reported ?? engine.voices?[language.rawValue] ?? engine.voice ?? "server default"
    }

    /// Headers in which servers name the voice they used.
    static let reportedVoiceHeaders = ["X-Voice-Key", "X-Voice", "X-Voice-Name"]

    package func speak(_ script: VoiceScript, in staging: URL) async throws -> VoiceTrack {
        let pieces = SpeechPieces.split(script.text, limit: engine.inputLimit ?? Self.defaultInputLimit)
        let folder = staging.appendingPathComponent("work/voice-pieces")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let answers = try await withThrowingTaskGroup(of: (Int, Spoken).self) { group in
            for (index, piece) in pieces.enumerated() {
                group.addTask { (index, try await say(piece)) }
            }
            return try await group.reduce(into: [Int: Spoken]()) { $0[$1.0] = $1.1 }
        }
        let audio = answers.mapValues(\.audio)
        let decoder = AudioDecoder(ffmpeg: ffmpeg)
        var decoded: [[Int16]] = []
        for index in pieces.indices {
            let file = folder.appendingPathComponent(String(format: "%02d.%@", index + 1, format))
            try audio[index, default: Data()].write(to: file, options: .atomic)
            do {
                decoded.append(try await decoder.samples(of: file, workingDirectory: staging))
            } catch is AudioDecoder.NotAudio {
                throw ProviderError(
                    .invalidAnswer, provider: client.name, stage: .voice,
                    problem: "what the server sent is not \(format) audio (nor WAV, MP3, FLAC, Ogg or AAC)",
                    fix:
                        "check the engine's `format` and that `base_url` serves /audio/speech, or set engines.voice to offline"
                )
            } catch let failure as ExternalToolError {
                throw ProviderError(
                    .invalidAnswer, provider: client.name, stage: .voice,
                    problem:
                        "the audio the server sent is not readable \(format) (\(failure.stderrTail.split(separator: "\n").last ?? ""))",
                    fix: "check the engine's `format` and the server's voices, or set engines.voice to offline")
            }
        }
        let samples = AudioJoin.join(decoded, sampleRate: AudioDecoder.sampleRate)
        let seconds = Double(samples.count) / Double(AudioDecoder.sampleRate)
        guard seconds > 0.1 else {
            throw ProviderError(
                .invalidAnswer, provider: client.name, stage: .voice, problem: "the server sent no audio",
                fix: "check the engine's `model` and `voice`, or set engines.voice to offline")
        }
        // A stream that broke off still ends with a 200 (Kokoro-FastAPI streams by default): no
        // voice reads faster than 5 words a second at its speed, so less audio than that is cut.
        let shortest = Double(script.words.count) / (5 * (engine.speed ?? 1))
        guard seconds >= shortest else {
            throw ProviderError(
                .invalidAnswer, provider: client.name, stage: .voice,
                problem: "the audio stops early: \(String(format: "%.1f", seconds)) s for \(script.words.count) words",
                fix:
                    "the answer was probably cut off; try again, check the server's log, or set engines.voice to offline"
            )
        }
        onUsage(
            ProviderUsage(stage: .voice, provider: client.name, model: engine.model, requests: 0, audioSeconds: seconds)
        )
        return VoiceTrack(
            samples: samples, sampleRate: AudioDecoder.sampleRate, words: nil,
            // Published as it came only when it is MP3 (not when MP3 was merely asked for).
            mp3: pieces.count == 1 && audio[0].map { AudioDecoder.demuxer(of: $0) } == "mp3" ? audio[0] : nil,
            label: "\(client.name)/\(engine.model) \(voiceLabel(reported: answers[0]?.reportedVoice))")
    }

    /// One piece's audio, and the voice the server says it used.
    struct Spoken: Sendable {
        var audio: Data
        var reportedVoice: String?
    }

    /// One piece's audio bytes; its requests, characters and seconds go to the accounting.
    func say(_ text: String) async throws -> Spoken {
        let body = Body(model: engine.model, input: text, voice: voiceName, speed: engine.speed, responseFormat: format)
        do {
            let exchange = try await client.send(
                "POST", "audio/speech", body: try JSONEncoder().encode(body), contentType: "application/json",
                accept: "audio/*",
                stage: .voice)
            onUsage(
                ProviderUsage(
                    stage: .voice, provider: client.name, model: engine.model, requests: exchange.attempts,
                    seconds: exchange.seconds, characters: text.count))
            if exchange.reply.header("Content-Type")?.lowercased().hasPrefix("application/json") == true {
                throw ProviderError(
                    .invalidAnswer, provider: client.name, stage: .voice,
                    problem:
                        "the server answered with JSON instead of audio (\(ServerMessage.excerpt(of: exchange.reply.body, hiding: (try? client.settings.key.key()) ?? nil) ?? ""))",
                    fix: "check that the provider serves /audio/speech, or set engines.voice to offline")
            }
            let reported = Self.reportedVoiceHeaders.lazy.compactMap { exchange.reply.header($0) }.first
            return Spoken(
                audio: exchange.reply.body,
                reportedVoice: reported.flatMap { ServerMessage.clean($0, hiding: nil) }.map { String($0.prefix(60)) })
        } catch let error as ProviderError {
            if error.reason != .keyMissing, error.reason != .invalidAnswer {
                onUsage(
                    ProviderUsage(stage: .voice, provider: client.name, model: engine.model, requests: error.attempts))
            }
            throw error
        }
    }
}
