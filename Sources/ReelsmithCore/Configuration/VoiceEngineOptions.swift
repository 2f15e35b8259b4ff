/// `engines.voice` at a provider (`/audio/speech`): the voice, a voice per request language,
/// the speed, the audio format and the most characters one request may carry.
package struct VoiceEngineOptions: ProviderEngineOptions, ReadableEngineOptions {
    package var provider: String
    package var model: String
    /// The provider's voice (`alloy`); nil: ``SpeechEndpointVoice/defaultVoice``.
    package var voice: String?
    /// A voice per request language (`fr: ff_siwis`), over `voice`: a model such as Kokoro reads
    /// with the language of its voice.
    package var voices: [String: String]?
    /// 0.25…4; nil leaves the provider's default.
    package var speed: Double?
    package var format: String?
    /// The most characters one `/audio/speech` request may carry.
    package var inputLimit: Int?

    package init(
        provider: String, model: String, voice: String? = nil, voices: [String: String]? = nil, speed: Double? = nil,
        format: String? = nil, inputLimit: Int? = nil
    ) {
        self.provider = provider
        self.model = model
        self.voice = voice
        self.voices = voices
        self.speed = speed
        self.format = format
        self.inputLimit = inputLimit
    }

    enum CodingKeys: String, CodingKey {
        case provider, model, voice, voices, speed, format
        case inputLimit = "input_limit"
    }

    /// The audio formats `/audio/speech` may answer in and we decode (raw `pcm` has no header).
    package static let formats = ["mp3", "wav", "flac", "opus", "aac"]

    package static let fields = FieldTable(
        [
            EngineFields.provider, EngineFields.model(example: "gpt-4o-mini-tts"), EngineFields.voice,
            EngineFields.voices,
            EngineFields.speed, EngineFields.format, EngineFields.inputLimit,
        ],
        summary: "`/audio/speech` speaks the script.")

    package static func read(_ section: MappingReader, provider: String, model: String) throws(InputError) -> Self {
        var options = Self(provider: provider, model: model)
        options.voice = try section.string(EngineFields.voice)
        if let voices = try section.mapping(EngineFields.voices) {
            var byLanguage: [String: String] = [:]
            for language in Language.allCases {
                if let name = try voices.string(language.rawValue) { byLanguage[language.rawValue] = name }
            }
            options.voices = byLanguage.isEmpty ? nil : byLanguage
        }
        options.speed = try section.number(EngineFields.speed)
        options.format = try section.oneOf(EngineFields.format, what: "audio format")
        options.inputLimit = try section.integer(EngineFields.inputLimit)
        return options
    }
}
