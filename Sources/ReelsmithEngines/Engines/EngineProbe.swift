import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// What `reelsmith doctor` asks of a provider for each stage that uses it: the request the engine
/// would send, made tiny (issue 19: a server can list its models and still refuse the real call,
/// or answer the real call without listing any).
package enum EngineProbe {
    /// One chat completion through ``ChatModel`` (so with the engine's format and its fallbacks);
    /// says which `response_format` the server took.
    package static func chat(client: ProviderClient, engine: ChatEngineOptions, stage: EngineStage) async throws
        -> String
    {
        let model = ChatModel(client: client, engine: engine, stage: stage) { _ in }
        let schema = JSONValue.object([
            "type": .string("object"), "properties": .object(["ok": .object(["type": .string("boolean")])]),
            "required": .array([.string("ok")]), "additionalProperties": .bool(false),
        ])
        _ = try await model.answer(
            [.user("This is a connection test. Answer with the JSON object {\"ok\": true}.")], schemaName: "doctor",
            schema: schema
        ) { (data: Data) throws(AnswerProblem) -> Data in data }
        return await client.responseFormats.level(model: engine.model).wireName
    }

    /// One short speech request, as the voice engine sends it; says how much audio came back.
    package static func speech(client: ProviderClient, engine: VoiceEngineOptions, ffmpeg: String) async throws
        -> String
    {
        let voice = SpeechEndpointVoice(client: client, engine: engine, ffmpeg: ffmpeg) { _ in }
        let spoken = try await voice.say("Hello.")
        guard !spoken.audio.isEmpty else {
            throw ProviderError(
                .invalidAnswer, provider: client.name, stage: .voice, problem: "the server sent no audio",
                fix: "check the engine's `model` and `voice`, or set engines.voice to offline")
        }
        return "speech \(spoken.audio.count / 1024) KB, voice \(voice.voiceLabel(reported: spoken.reportedVoice))"
    }

    /// One transcription of about a second of speech (espeak-ng's) as the align engine asks for
    /// it; says how many words with timestamps came back.
    package static func transcription(client: ProviderClient, engine: AlignEngineOptions) async throws -> String {
        let speech = try await SpeechSynthesizer.shared.synthesize(
            "Hello, this is a test.", voice: Language.en.defaultVoice)
        let wav = WAVFile.data(samples: speech.samples, sampleRate: speech.sampleRate)
        let aligner = TranscriptionAligner(client: client, engine: engine) { _ in }
        let words = try await aligner.heardWords(in: wav, fileName: "doctor.wav", type: "audio/wav", language: .en)
        return "transcription with \(words.count) timed words"
    }
}
