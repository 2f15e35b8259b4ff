import Foundation
import Yams

/// `engines:` in `reelsmith.yaml`, or in a request to override it (DESIGN §7): which engine runs
/// each stage, and what happens when a provider fails.
public struct EngineSettings: Sendable, Equatable, Codable {
    /// After a provider failed for good: use the offline engine, or fail the job.
    public enum FailurePolicy: String, Sendable, Equatable, Codable, CaseIterable {
        case offline, fail
    }

    public var script: EngineChoice = .offline
    public var score: EngineChoice = .offline
    /// `/images/generations`, a command (stable-diffusion.cpp…), or the title cards.
    public var images: EngineChoice = .offline
    /// `/audio/speech`, a command (piper…), or espeak-ng.
    public var voice: EngineChoice = .offline
    /// Word timings for a voice that gives none: `/audio/transcriptions`, or offline alignment.
    public var align: EngineChoice = .offline
    public var onFailure: FailurePolicy = .offline
    /// Stock footage per scene (issue 9): nil or `offline` uses the creator's clip library only.
    public var clips: ClipsEngine?

    public init(
        script: EngineChoice = .offline, score: EngineChoice = .offline, images: EngineChoice = .offline,
        voice: EngineChoice = .offline, align: EngineChoice = .offline, onFailure: FailurePolicy = .offline
    ) {
        self.script = script
        self.score = score
        self.images = images
        self.voice = voice
        self.align = align
        self.onFailure = onFailure
    }

    enum CodingKeys: String, CodingKey {
        case script, score, images, voice, align, clips
        case onFailure = "on_failure"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        script = try container.decodeIfPresent(EngineChoice.self, forKey: .script) ?? .offline
        score = try container.decodeIfPresent(EngineChoice.self, forKey: .score) ?? .offline
        images = try container.decodeIfPresent(EngineChoice.self, forKey: .images) ?? .offline
        voice = try container.decodeIfPresent(EngineChoice.self, forKey: .voice) ?? .offline
        align = try container.decodeIfPresent(EngineChoice.self, forKey: .align) ?? .offline
        onFailure = try container.decodeIfPresent(FailurePolicy.self, forKey: .onFailure) ?? .offline
        clips = try container.decodeIfPresent(ClipsEngine.self, forKey: .clips)
    }

    /// Every stage DESIGN §7 names.
    static let stageNames = ["script", "score", "images", "voice", "align", "clips"]
    /// The keys, ranges and examples: ``EngineFields`` (also the source of the schemas' `engines`).
    static var knownKeys: [String] { EngineFields.settingsTable.names }
    /// The stages a local program may run, and the placeholders its arguments must hold.
    static let commandPlaceholders: [String: [String]] = ["voice": ["{out}"], "images": ["{out}"]]
    /// The audio formats `/audio/speech` may answer in and we decode (raw `pcm` has no header).
    static let speechFormats = ["mp3", "wav", "flac", "opus", "aac"]

    /// The choice of one stage.
    func choice(for stage: String) -> EngineChoice {
        switch stage {
        case "script": script
        case "score": score
        case "images": images
        case "voice": voice
        case "align": align
        default: .offline
        }
    }

    /// Reads an `engines:` mapping over `base` (a request's keys override the settings file's).
    /// `providers` are the names under `providers:`, with their kind. A request may not name a
    /// `command` (`allowsCommands: false`): it may arrive from another device, and must not run
    /// programs on this one.
    static func read(
        _ reader: MappingReader, over base: EngineSettings, providers: [String: ProviderSettings.Kind], allowsCommands: Bool = true
    ) throws(InputError) -> EngineSettings {
        var settings = base
        if let text = try reader.string(EngineFields.onFailure) {
            guard let policy = FailurePolicy(rawValue: text) else {
                throw reader.error(
                    .invalidValue(key: "on_failure"), at: "on_failure", problem: "`on_failure` is `\(text)`",
                    fix: "write `on_failure: offline` (use the built-in engine) or `on_failure: fail` (fail the video)")
            }
            settings.onFailure = policy
        }
        if !allowsCommands {
            for stage in commandPlaceholders.keys.sorted() {
                guard case let .mapping(mapping)? = reader.node(stage), mapping.keys.contains(where: { $0.string == "command" })
                else { continue }
                throw reader.error(
                    .invalidValue(key: stage), at: stage,
                    problem: "a request cannot run a program (`command`): requests may come from other devices",
                    fix: "set `engines.\(stage): { command: … }` in reelsmith.yaml on this machine, and remove it here")
            }
        }
        if let choice = try choice("script", in: reader, providers: providers) { settings.script = choice }
        if let choice = try choice("score", in: reader, providers: providers) { settings.score = choice }
        if let choice = try choice("images", in: reader, providers: providers) { settings.images = choice }
        if let choice = try choice("voice", in: reader, providers: providers) { settings.voice = choice }
        if let choice = try choice("align", in: reader, providers: providers) { settings.align = choice }
        if let clips = try ClipsEngine.read(reader, providers: providers) { settings.clips = clips }
        return settings
    }

    private static func choice(
        _ stage: String, in reader: MappingReader, providers: [String: ProviderSettings.Kind]
    ) throws(InputError) -> EngineChoice? {
        guard let node = reader.node(stage) else { return nil }
        let placeholders = commandPlaceholders[stage]
        let shapes =
            "`\(stage): { provider: NAME, model: MODEL }` with a provider named under `providers:`"
            + (placeholders != nil ? ", or `\(stage): { command: [program, argument, \"{out}\"] }`" : "")
        if case let .scalar(scalar) = node {
            guard scalar.string == "offline" else {
                throw reader.error(
                    .invalidValue(key: stage), at: stage, problem: "`\(stage)` is `\(scalar.string)`",
                    fix: "write `\(stage): offline`, or \(shapes)")
            }
            return .offline
        }
        let table = EngineFields.providerTables[stage] ?? FieldTable([EngineFields.provider, EngineFields.model(example: "gpt-4o-mini")])
        if case let .mapping(mapping) = node, mapping.keys.contains(where: { $0.string == "command" }) {
            guard let placeholders else {
                throw reader.error(
                    .invalidValue(key: stage), at: stage, problem: "`\(stage)` cannot run a command",
                    fix: "write `\(stage): offline`, or \(shapes)")
            }
            return .command(try command(stage, in: reader, placeholders: placeholders))
        }
        guard let section = try reader.mapping(stage, knownKeys: table.names) else { return nil }
        let provider = try section.requiredString("provider", example: providers.keys.sorted().first ?? EngineFields.provider.exampleText)
        guard let kind = providers[provider] else {
            let names = providers.keys.sorted()
            let hint = KeySuggestion.nearest(to: provider, among: names).map { "did you mean `\($0)`? " } ?? ""
            throw section.error(
                .invalidValue(key: "provider"), at: "provider", problem: "no provider named `\(provider)`",
                fix: names.isEmpty
                    ? "declare it under `providers:` in reelsmith.yaml (with its `base_url`)"
                    : "\(hint)the providers are \(names.map { "`\($0)`" }.joined(separator: ", "))")
        }
        guard kind == .openai else {
            throw section.error(
                .invalidValue(key: "provider"), at: "provider",
                problem: "`\(provider)` is a \(kind.rawValue) provider; \(stage) needs an OpenAI-compatible one",
                fix: "name a provider of kind `openai`")
        }
        var engine = EngineChoice.ProviderEngine(provider: provider, model: try section.requiredString(table["model"] ?? EngineFields.model(example: "gpt-4o-mini")))
        engine.temperature = try section.number(EngineFields.temperature)
        engine.voice = try section.string(EngineFields.voice)
        if let voices = try section.mapping(EngineFields.voices) {
            var byLanguage: [String: String] = [:]
            for language in Language.allCases {
                if let name = try voices.string(language.rawValue) { byLanguage[language.rawValue] = name }
            }
            engine.voices = byLanguage.isEmpty ? nil : byLanguage
        }
        engine.speed = try section.number(EngineFields.speed)
        engine.format = try section.oneOf(EngineFields.format, what: "audio format")
        engine.inputLimit = try section.integer(EngineFields.inputLimit)
        // OpenAI's gpt-4o transcription models answer only `json` or `text`: no word timestamps.
        if stage == "align", engine.model.lowercased().hasPrefix("gpt-4o"), engine.model.lowercased().contains("transcribe") {
            throw section.error(
                .invalidValue(key: "model"), at: "model", problem: "\(engine.model) gives no word timestamps (no `verbose_json`)",
                fix: "use `whisper-1` (or a faster-whisper server's model), or write `align: offline`")
        }
        let family = ImageModelFamily(model: engine.model)
        if let size = try section.string(EngineFields.size) {
            if let sizes = family?.sizes {
                guard sizes.contains(size.lowercased()) else {
                    throw section.error(
                        .invalidValue(key: "size"), at: "size", problem: "\(engine.model) does not draw `\(Excerpt.quote(size))`",
                        fix: "use one of its sizes: \(sizes.map { "`\($0)`" }.joined(separator: ", ")) (the picture is cropped to 1080×1920)")
                }
            } else if ImageSize(size) == nil {
                throw section.error(
                    .invalidValue(key: "size"), at: "size", problem: "`size` is `\(Excerpt.quote(size))`",
                    fix: "write WIDTHxHEIGHT in pixels, each 256…4096, e.g. `size: 1024x1792`")
            }
            engine.size = size.lowercased()
        }
        engine.quality = try section.string(EngineFields.quality)
        if let quality = engine.quality, let qualities = family?.qualities, !qualities.contains(quality) {
            throw section.error(
                .invalidValue(key: "quality"), at: "quality", problem: "\(engine.model) has no quality `\(Excerpt.quote(quality))`",
                fix: "use one of \(qualities.map { "`\($0)`" }.joined(separator: ", "))")
        }
        return .provider(engine)
    }

    private static func command(
        _ stage: String, in reader: MappingReader, placeholders: [String]
    ) throws(InputError) -> EngineChoice.CommandEngine {
        guard let section = try reader.mapping(stage, knownKeys: EngineFields.commandTable.names) else {
            throw reader.error(.invalidValue(key: stage), at: stage, problem: "`\(stage)` is empty", fix: "write `\(stage): offline`")
        }
        let example = stage == "voice" ? "[piper, --model, voice.onnx, --output_file, \"{out}\"]" : "[sd-cli, -m, model.gguf, -p, \"{prompt}\", -W, \"768\", -H, \"1344\", -o, \"{out}\"]"
        guard let arguments = try section.strings("command", example: example) else {
            throw section.missing("command", example: example)
        }
        for placeholder in placeholders where !arguments.contains(where: { $0.contains(placeholder) }) {
            throw section.error(
                .invalidValue(key: "command"), at: "command",
                problem: "no argument of `command` holds `\(placeholder)`, where the program must write its output",
                fix: "write it as `command: \(example)`")
        }
        let timeout = try section.number(EngineFields.timeoutSeconds) ?? 300
        return EngineChoice.CommandEngine(arguments: arguments, timeoutSeconds: timeout)
    }
}

/// `1024x1792`: an image size asked of a model.
struct ImageSize: Sendable, Equatable, CustomStringConvertible {
    var width: Int
    var height: Int

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    init?(_ text: String) {
        let parts = text.lowercased().split(separator: "x")
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
            (256...4096).contains(width), (256...4096).contains(height)
        else { return nil }
        self.init(width: width, height: height)
    }

    var description: String { "\(width)x\(height)" }
}

/// OpenAI's image models, whose sizes and qualities are fixed lists: a value outside them is
/// refused by the API on every scene (every picture a title card), so it is refused here first.
/// Other models (local servers) take any WIDTHxHEIGHT.
struct ImageModelFamily: Sendable, Equatable {
    var sizes: [String]
    var qualities: [String]

    init?(model: String) {
        let name = model.lowercased()
        if name.hasPrefix("gpt-image") {
            sizes = ["1024x1024", "1536x1024", "1024x1536", "auto"]
            qualities = ["low", "medium", "high", "auto"]
        } else if name == "dall-e-3" {
            sizes = ["1024x1024", "1792x1024", "1024x1792"]
            qualities = ["standard", "hd"]
        } else if name == "dall-e-2" {
            sizes = ["256x256", "512x512", "1024x1024"]
            qualities = ["standard"]
        } else {
            return nil
        }
    }
}
