import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// Word timings from `POST /audio/transcriptions` with word timestamps (OpenAI's whisper-1,
/// faster-whisper servers such as Speaches): the voice is sent as a file in a multipart form,
/// with `response_format=verbose_json` and `timestamp_granularities[]=word`; the heard words are
/// matched to the script's by ``TranscriptMatch``.
struct TranscriptionAligner: Sendable {
    package let client: ProviderClient
    package let engine: AlignEngineOptions
    let onUsage: @Sendable (ProviderUsage) -> Void

    /// The verbose_json answer, as far as we use it.
    struct Transcription: Decodable {
        package struct Word: Decodable {
            package var word: String
            package var start: Double
            package var end: Double
        }

        package var text: String?
        package var words: [Word]?
        /// Only counted: a server that sends segments and no words cannot give word timestamps.
        package var segments: [JSONValue]?
    }

    /// The script's word timings in the voice `audio` (an MP3 of `duration` seconds).
    package func timings(of script: VoiceScript, audio: Data, duration: Double, language: Language) async throws
        -> [WordTiming]
    {
        let heard = try await heardWords(
            in: audio, fileName: "voice.mp3", type: "audio/mpeg", language: language, duration: duration)
        let starts = TranscriptMatch.starts(
            script: script.words.map(\.text),
            heard: heard.map { TranscriptMatch.HeardWord(text: $0.word, start: min($0.start, duration), end: $0.end) })
        return script.timings(starts: starts, duration: duration)
    }

    /// The words the server heard in `audio`, with their timestamps (what `doctor` asks too).
    func heardWords(in audio: Data, fileName: String, type: String, language: Language, duration: Double? = nil)
        async throws -> [Transcription.Word]
    {
        var form = MultipartForm()
        form.add(field: "model", engine.model)
        form.add(field: "response_format", "verbose_json")
        form.add(field: "timestamp_granularities[]", "word")
        form.add(field: "language", language.rawValue)
        form.add(file: "file", name: fileName, type: type, data: audio)
        form.finish()
        let exchange: ProviderClient.Exchange
        do {
            exchange = try await client.send(
                "POST", "audio/transcriptions", body: form.body, contentType: form.contentType, stage: .align)
        } catch let error as ProviderError {
            if error.reason != .keyMissing {
                onUsage(
                    ProviderUsage(stage: .align, provider: client.name, model: engine.model, requests: error.attempts))
            }
            throw error
        }
        onUsage(
            ProviderUsage(
                stage: .align, provider: client.name, model: engine.model, requests: exchange.attempts,
                seconds: exchange.seconds, audioSeconds: duration ?? 0))
        let answer: Transcription
        do {
            answer = try JSONDecoder().decode(Transcription.self, from: exchange.reply.body)
        } catch {
            throw ProviderError(
                .invalidAnswer, provider: client.name, stage: .align,
                problem: "the answer is not a verbose_json transcription (\(DecodingProblem.describe(error)))",
                fix: "check that the server supports `response_format=verbose_json`, or set engines.align to offline")
        }
        let heard = (answer.words ?? []).filter { $0.start.isFinite && $0.end.isFinite && $0.start >= 0 }
        guard !heard.isEmpty else {
            throw ProviderError(
                .invalidAnswer, provider: client.name, stage: .align,
                problem: (answer.segments ?? []).isEmpty
                    ? "the transcription has no word timestamps"
                    : "the transcription has no word timestamps, only \(answer.segments?.count ?? 0) segments (the server does not give words)",
                fix:
                    "the server must honour `timestamp_granularities[]=word` with `response_format=verbose_json` (OpenAI's whisper-1 does; for another server, see whether its version or settings give word timestamps), or set engines.align to offline"
            )
        }
        return heard
    }
}

/// A `multipart/form-data` body (RFC 7578): text fields and one file.
struct MultipartForm: Sendable {
    package let boundary = "reelsmith-" + UUID().uuidString
    private(set) var body = Data()

    package var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    package mutating func add(field name: String, _ value: String) {
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
    }

    package mutating func add(file field: String, name: String, type: String, data: Data) {
        body.append(
            Data(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(name)\"\r\nContent-Type: \(type)\r\n\r\n"
                    .utf8))
        body.append(data)
        body.append(Data("\r\n".utf8))
    }

    /// The closing boundary; call once, last.
    package mutating func finish() { body.append(Data("--\(boundary)--\r\n".utf8)) }
}
