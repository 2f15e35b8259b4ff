import Foundation
import Yams

/// `engines:` in `reelsmith.yaml`, or in a request to override it (DESIGN §7): which engine runs
/// each stage, and what happens when a provider fails.
package struct EngineSettings: Sendable, Equatable, Codable {
    /// After a provider failed for good: use the offline engine, or fail the job.
    package enum FailurePolicy: String, Sendable, Equatable, Codable, CaseIterable {
        case offline, fail
    }

    package var script: EngineChoice<ChatEngineOptions> = .offline
    package var score: EngineChoice<ChatEngineOptions> = .offline
    /// `/images/generations`, a command (stable-diffusion.cpp…), or the title cards.
    package var images: EngineChoice<ImageEngineOptions> = .offline
    /// `/audio/speech`, a command (piper…), or espeak-ng.
    package var voice: EngineChoice<VoiceEngineOptions> = .offline
    /// The offline voices (`engines.voice: { voices: … }` with no provider; issue 20): nil uses
    /// the defaults (English: piper's joe when installed; else espeak-ng).
    package var offlineVoice: OfflineVoiceOptions?
    /// Word timings for a voice that gives none: `/audio/transcriptions`, or offline alignment.
    package var align: EngineChoice<AlignEngineOptions> = .offline
    package var onFailure: FailurePolicy = .offline
    /// Stock footage per scene: nil or `offline` uses the creator's clip library only.
    package var clips: ClipsEngine?

    package init(
        script: EngineChoice<ChatEngineOptions> = .offline, score: EngineChoice<ChatEngineOptions> = .offline,
        images: EngineChoice<ImageEngineOptions> = .offline, voice: EngineChoice<VoiceEngineOptions> = .offline,
        align: EngineChoice<AlignEngineOptions> = .offline, onFailure: FailurePolicy = .offline
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
        case offlineVoice = "offline_voice"
        case onFailure = "on_failure"
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        script = try container.decodeIfPresent(EngineChoice.self, forKey: .script) ?? .offline
        score = try container.decodeIfPresent(EngineChoice.self, forKey: .score) ?? .offline
        images = try container.decodeIfPresent(EngineChoice.self, forKey: .images) ?? .offline
        voice = try container.decodeIfPresent(EngineChoice.self, forKey: .voice) ?? .offline
        align = try container.decodeIfPresent(EngineChoice.self, forKey: .align) ?? .offline
        onFailure = try container.decodeIfPresent(FailurePolicy.self, forKey: .onFailure) ?? .offline
        clips = try container.decodeIfPresent(ClipsEngine.self, forKey: .clips)
        offlineVoice = try container.decodeIfPresent(OfflineVoiceOptions.self, forKey: .offlineVoice)
    }

    /// The keys, ranges and examples: ``EngineFields`` (also the source of the schemas' `engines`).
    static var knownKeys: [String] { EngineFields.settingsTable.names }

    /// The local programs the settings run, by stage.
    package var commands: [(stage: EngineStage, command: CommandEngine)] {
        var commands: [(EngineStage, CommandEngine)] = []
        if case .command(let command) = voice { commands.append((.voice, command)) }
        if case .command(let command) = images { commands.append((.images, command)) }
        return commands
    }

    /// The provider models the settings use, by stage (stock footage has no model).
    package var providerModels: [(stage: EngineStage, provider: String, model: String)] {
        var models: [(EngineStage, String, String)] = []
        if let options = script.provider { models.append((.script, options.provider, options.model)) }
        if let options = score.provider { models.append((.score, options.provider, options.model)) }
        if let options = images.provider { models.append((.images, options.provider, options.model)) }
        if let options = voice.provider { models.append((.voice, options.provider, options.model)) }
        if let options = align.provider { models.append((.align, options.provider, options.model)) }
        return models
    }

    /// Command engines run in `folder` (the one holding reelsmith.yaml): relative paths in their
    /// arguments mean what they mean there.
    mutating func runCommands(in folder: String) {
        // So are piper voice files named by a relative path (issue 20).
        if var options = offlineVoice {
            for (language, name) in options.voices
            where OfflineVoiceOptions.isPiperVoice(name) && name != OfflineVoiceOptions.packagedVoice
                && !name.hasPrefix("/") && !name.hasPrefix("~")
            {
                options.voices[language] = folder + "/" + name
            }
            offlineVoice = options
        }
        if case .command(var command) = voice {
            command.folder = folder
            voice = .command(command)
        }
        if case .command(var command) = images {
            command.folder = folder
            images = .command(command)
        }
    }

    /// Reads an `engines:` mapping over `base` (a request's keys override the settings file's).
    /// `providers` are the names under `providers:`, with their kind. A request may not name a
    /// `command` (`allowsCommands: false`): it may arrive from another device, and must not run
    /// programs on this one.
    package static func read(
        _ reader: MappingReader, over base: EngineSettings, providers: [String: ProviderSettings.Kind],
        allowsCommands: Bool = true
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
            for stage in EngineStage.allCases where stage.commandPlaceholders != nil {
                guard case .mapping(let mapping)? = reader.node(stage.rawValue),
                    mapping.keys.contains(where: { $0.string == "command" })
                else { continue }
                throw reader.error(
                    .invalidValue(key: stage.rawValue), at: stage.rawValue,
                    problem: "a request cannot run a program (`command`): requests may come from other devices",
                    fix: "set `engines.\(stage): { command: … }` in reelsmith.yaml on this machine, and remove it here")
            }
        }
        settings.script =
            try choice(.script, in: reader, providers: providers, as: ChatEngineOptions.self) ?? settings.script
        settings.score =
            try choice(.score, in: reader, providers: providers, as: ChatEngineOptions.self) ?? settings.score
        settings.images =
            try choice(.images, in: reader, providers: providers, as: ImageEngineOptions.self) ?? settings.images
        if let options = try offlineVoice(in: reader) {
            settings.voice = .offline
            settings.offlineVoice = options
        } else {
            settings.voice =
                try choice(.voice, in: reader, providers: providers, as: VoiceEngineOptions.self) ?? settings.voice
        }
        settings.align =
            try choice(.align, in: reader, providers: providers, as: AlignEngineOptions.self) ?? settings.align
        if let clips = try ClipsEngine.read(reader, providers: providers) { settings.clips = clips }
        return settings
    }

    /// `voice: { voices: …, speed: … }` with only the offline voice's keys (no `provider`, no
    /// `command`): the offline voices. A mapping with any other key is read as a provider's.
    private static func offlineVoice(in reader: MappingReader) throws(InputError) -> OfflineVoiceOptions? {
        let key = EngineStage.voice.rawValue
        guard case .mapping(let mapping)? = reader.node(key), !mapping.keys.isEmpty,
            mapping.keys.allSatisfy({ $0.string.map(OfflineVoiceOptions.fields.names.contains) ?? false })
        else { return nil }
        guard let section = try reader.mapping(key, knownKeys: OfflineVoiceOptions.fields.names) else { return nil }
        return try OfflineVoiceOptions.read(section)
    }

    /// One stage's choice, its provider options read by the stage's own type.
    private static func choice<Options: ReadableEngineOptions>(
        _ stage: EngineStage, in reader: MappingReader, providers: [String: ProviderSettings.Kind],
        as options: Options.Type
    ) throws(InputError) -> EngineChoice<Options>? {
        let key = stage.rawValue
        guard let node = reader.node(key) else { return nil }
        let placeholders = stage.commandPlaceholders
        let shapes =
            "`\(key): { provider: NAME, model: MODEL }` with a provider named under `providers:`"
            + (placeholders != nil ? ", or `\(key): { command: [program, argument, \"{out}\"] }`" : "")
        if case .scalar(let scalar) = node {
            guard scalar.string == EngineLabel.offline else {
                throw reader.error(
                    .invalidValue(key: key), at: key, problem: "`\(key)` is `\(scalar.string)`",
                    fix: "write `\(key): offline`, or \(shapes)")
            }
            return .offline
        }
        if case .mapping(let mapping) = node, mapping.keys.contains(where: { $0.string == "command" }) {
            guard let placeholders else {
                throw reader.error(
                    .invalidValue(key: key), at: key, problem: "`\(key)` cannot run a command",
                    fix: "write `\(key): offline`, or \(shapes)")
            }
            return .command(try command(stage, in: reader, placeholders: placeholders))
        }
        guard let section = try reader.mapping(key, knownKeys: Options.fields.names) else { return nil }
        let provider = try section.requiredString(
            "provider", example: providers.keys.sorted().first ?? EngineFields.provider.exampleText)
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
                problem: "`\(provider)` is a \(kind.rawValue) provider; \(key) needs an OpenAI-compatible one",
                fix: "name a provider of kind `openai`")
        }
        let model = try section.requiredString(Options.fields["model"] ?? EngineFields.model(example: "gpt-4o-mini"))
        return .provider(try Options.read(section, provider: provider, model: model))
    }

    private static func command(
        _ stage: EngineStage, in reader: MappingReader, placeholders: [String]
    ) throws(InputError) -> CommandEngine {
        let key = stage.rawValue
        guard let section = try reader.mapping(key, knownKeys: EngineFields.commandTable.names) else {
            throw reader.error(
                .invalidValue(key: key), at: key, problem: "`\(key)` is empty", fix: "write `\(key): offline`")
        }
        let example =
            stage == .voice
            ? "[piper, --model, voice.onnx, --output_file, \"{out}\"]"
            : "[sd-cli, -m, model.gguf, -p, \"{prompt}\", -W, \"768\", -H, \"1344\", -o, \"{out}\"]"
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
        return CommandEngine(arguments: arguments, timeoutSeconds: timeout)
    }
}

/// `1024x1792`: an image size asked of a model.
package struct ImageSize: Sendable, Equatable, CustomStringConvertible {
    package var width: Int
    package var height: Int

    package init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    package init?(_ text: String) {
        let parts = text.lowercased().split(separator: "x")
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
            (256...4096).contains(width), (256...4096).contains(height)
        else { return nil }
        self.init(width: width, height: height)
    }

    package var description: String { "\(width)x\(height)" }
}

/// OpenAI's image models, whose sizes and qualities are fixed lists: a value outside them is
/// refused by the API on every scene (every picture a title card), so it is refused here first.
/// Other models (local servers) take any WIDTHxHEIGHT.
struct ImageModelFamily: Sendable, Equatable {
    package var sizes: [String]
    var qualities: [String]

    package init?(model: String) {
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
