import Foundation

/// The engine of one stage (DESIGN §7): the built-in offline one, a model at a provider, or a
/// local program.
public enum EngineChoice: Sendable, Equatable, Codable {
    case offline
    case provider(ProviderEngine)
    case command(CommandEngine)

    /// `{provider: openai, model: gpt-4o-mini}` and the stage's options.
    public struct ProviderEngine: Sendable, Equatable, Codable {
        public var provider: String
        public var model: String
        /// Sampling temperature; nil leaves the server's default.
        public var temperature: Double?
        /// Voice stage: the provider's voice (`alloy`), speed (0.25…4) and audio format.
        public var voice: String?
        /// Voice stage: a voice per request language (`fr: ff_siwis`), over `voice`: a model such as
        /// Kokoro reads with the language of its voice.
        public var voices: [String: String]?
        public var speed: Double?
        public var format: String?
        /// Voice stage: the most characters one `/audio/speech` request may carry.
        public var inputLimit: Int?
        /// Images stage: `WIDTHxHEIGHT` asked of the model, when the model is not one we know.
        public var size: String?
        /// Images stage: a quality the model takes (`low`, `medium`, `high`, `standard`, `hd`).
        public var quality: String?

        public init(
            provider: String, model: String, temperature: Double? = nil, voice: String? = nil, speed: Double? = nil,
            format: String? = nil, inputLimit: Int? = nil, size: String? = nil, quality: String? = nil
        ) {
            self.provider = provider
            self.model = model
            self.temperature = temperature
            self.voice = voice
            self.speed = speed
            self.format = format
            self.inputLimit = inputLimit
            self.size = size
            self.quality = quality
        }

        enum CodingKeys: String, CodingKey {
            case provider, model, temperature, voice, voices, speed, format, size, quality
            case inputLimit = "input_limit"
        }
    }

    /// `{command: [piper, --model, fr.onnx, --output_file, "{out}"]}`: a local program, run without
    /// a shell, `{out}` (and for images `{prompt}`) replaced inside its arguments.
    public struct CommandEngine: Sendable, Equatable, Codable {
        public var arguments: [String]
        public var timeoutSeconds: Double
        /// The folder the program runs in: the one holding `reelsmith.yaml`, so a model named
        /// by a relative path (`--model fr_FR-siwis-medium.onnx`) is found there. Not a setting.
        public var folder: String?

        public init(arguments: [String], timeoutSeconds: Double = 300) {
            self.arguments = arguments
            self.timeoutSeconds = timeoutSeconds
        }

        enum CodingKeys: String, CodingKey {
            case arguments = "command"
            case timeoutSeconds = "timeout_seconds"
            case folder
        }

        /// The program's name, for reports and messages.
        public var program: String { arguments.first.map { ($0 as NSString).lastPathComponent } ?? "" }
    }

    /// How `report.json` names it: `offline`, `provider/model` or `command:program`.
    public var label: String {
        switch self {
        case .offline: "offline"
        case let .provider(engine): "\(engine.provider)/\(engine.model)"
        case let .command(engine): "command:\(engine.program)"
        }
    }

    var provider: ProviderEngine? {
        if case let .provider(engine) = self { engine } else { nil }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self), text == "offline" {
            self = .offline
        } else if let command = try? container.decode(CommandEngine.self) {
            self = .command(command)
        } else {
            self = .provider(try container.decode(ProviderEngine.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .offline: try container.encode("offline")
        case let .provider(engine): try container.encode(engine)
        case let .command(engine): try container.encode(engine)
        }
    }
}
