/// The keys of `engines:` (DESIGN §7), in `reelsmith.yaml` and in a request, read by
/// ``EngineSettings`` and turned into the schemas' `engines` sections.
package enum EngineFields {
    package static let provider = FieldSpec.text(
        "provider", .init(isNonBlank: true), summary: "A provider named under `providers:` in reelsmith.yaml.",
        example: "openai",
        isRequired: true)
    package static func model(example: String) -> FieldSpec {
        .text("model", .init(isNonBlank: true), summary: "The provider's model.", example: example, isRequired: true)
    }
    package static let temperature = FieldSpec.number(
        "temperature", 0...2, summary: "Sampling temperature. Absent: the server's default.", example: 0.8)
    package static let voice = FieldSpec.text(
        "voice",
        .init(suggestions: .fixed(["alloy", "ash", "coral", "echo", "fable", "nova", "onyx", "sage", "shimmer"])),
        summary: "The provider's voice.", default: "alloy", example: "alloy")
    package static let voices = FieldSpec(
        "voices",
        .mapping(
            FieldTable(
                Language.allCases.map { language in
                    FieldSpec.text(
                        language.rawValue, .init(isNonBlank: true),
                        summary: "The voice for \(language.rawValue) requests.",
                        example: language == .fr ? "ff_siwis" : "af_heart")
                }, summary: "A voice per request language.")),
        summary: "A voice per request language, over `voice` (Kokoro reads with its voice's language: `fr: ff_siwis`).",
        example: .object(["fr": .string("ff_siwis"), "en": .string("af_heart")]))
    package static let speed = FieldSpec.number(
        "speed", 0.25...4, summary: "Speaking speed. Absent: the provider's default.", example: 1.0)
    package static let format = FieldSpec.choice(
        "format", VoiceEngineOptions.formats, summary: "The audio format asked of `/audio/speech`.", example: "mp3")
    package static let inputLimit = FieldSpec.integer(
        "input_limit", 100...100_000, summary: "The most characters one `/audio/speech` request may carry.",
        example: 4_096)
    package static let size = FieldSpec.text(
        "size", .init(pattern: "^(\(sidePattern)[xX]\(sidePattern)|auto)$", acceptsOtherScalars: false),
        summary:
            "WIDTHxHEIGHT asked of the model, each 256–4096 (OpenAI's models take only their own sizes; gpt-image also `auto`).",
        example: "1024x1536")
    package static let quality = FieldSpec.text(
        "quality", .init(suggestions: .fixed(["low", "medium", "high", "standard", "hd"])),
        summary: "A quality the image model takes.", example: "medium")
    /// 256…4096 as a pattern.
    static let sidePattern = "(25[6-9]|2[6-9][0-9]|[3-9][0-9]{2}|[1-3][0-9]{3}|40[0-8][0-9]|409[0-6])"

    /// `engines.clips: { provider: NAME }` (issue 9): stock footage, no model.
    package static let clipsProvider = FieldSpec.text(
        "provider", .init(isNonBlank: true),
        summary: "A provider of kind `pexels` or `pixabay` named under `providers:` in reelsmith.yaml.",
        example: "pexels",
        isRequired: true)
    static let clipsTable = FieldTable([clipsProvider], summary: "Stock footage per scene, besides your clip library.")

    /// The keys a stage's provider engine takes: its options type's own table.
    static func providerTable(_ stage: EngineStage) -> FieldTable {
        switch stage {
        case .script: FieldTable(ChatEngineOptions.fields.fields, summary: "A chat model writes the script.")
        case .score: FieldTable(ChatEngineOptions.fields.fields, summary: "A chat model fills the virality rubric.")
        case .images: ImageEngineOptions.fields
        case .voice: VoiceEngineOptions.fields
        case .align: AlignEngineOptions.fields
        case .clips: clipsTable
        }
    }

    package static let command = FieldSpec(
        "command", .textList,
        summary:
            "The program and its arguments, run without a shell; `{out}` is where it writes (images: `{prompt}` is the picture's prompt).",
        example: .array(["piper", "--model", "voice.onnx", "--output_file", "{out}"].map(JSONValue.string)),
        isRequired: true)
    package static let timeoutSeconds = FieldSpec.number(
        "timeout_seconds", 1...3600, summary: "Seconds the program may run.", default: 300, example: 300)
    static let commandTable = FieldTable(
        [command, timeoutSeconds], summary: "A local program (piper, stable-diffusion.cpp…).")

    package static func summary(_ stage: EngineStage) -> String {
        switch stage {
        case .script: "The engine that writes the script."
        case .score: "The engine that scores the scripts."
        case .images: "The engine that makes the scene pictures."
        case .voice: "The engine that speaks the script."
        case .align: "The engine that times the words of a voice that gives no timings."
        case .clips:
            "Where scenes find video clips: `offline` is your clip library only (templates/assets/<niche>/); a pexels or pixabay provider adds stock footage."
        }
    }

    /// One stage's key: `offline`, a provider, or (in reelsmith.yaml, for voice and images) a command.
    package static func stage(_ stage: EngineStage, allowsCommands: Bool) -> FieldSpec {
        var mappings = [providerTable(stage)]
        if stage == .voice { mappings.append(OfflineVoiceOptions.fields) }
        if allowsCommands, stage.commandPlaceholders != nil { mappings.append(commandTable) }
        return FieldSpec(
            stage.rawValue, .alternatives(words: [EngineLabel.offline], mappings: mappings), summary: summary(stage),
            default: .string(EngineLabel.offline), example: .string(EngineLabel.offline))
    }

    package static let onFailure = FieldSpec.choice(
        "on_failure", EngineSettings.FailurePolicy.allCases.map(\.rawValue),
        summary: "After a provider failed for good: `offline` uses the built-in engine, `fail` fails the video.",
        default: "offline", example: "offline")

    package static func table(allowsCommands: Bool) -> FieldTable {
        FieldTable(
            EngineStage.allCases.map { stage($0, allowsCommands: allowsCommands) } + [onFailure],
            summary: "Which engine runs each stage (DESIGN §7).")
    }

    /// `engines:` in reelsmith.yaml.
    package static let settingsTable = table(allowsCommands: true)
    /// `engines:` in a request: the same, without `command`.
    package static let requestTable = table(allowsCommands: false)
}
