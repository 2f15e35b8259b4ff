/// The engine of one stage (DESIGN §7): the built-in offline one, or a model at a provider.
public enum EngineChoice: Sendable, Equatable, Codable {
    case offline
    case provider(ProviderEngine)

    /// `{provider: openai, model: gpt-4o-mini}` and the stage's options.
    public struct ProviderEngine: Sendable, Equatable, Codable {
        public var provider: String
        public var model: String
        /// Sampling temperature; nil leaves the server's default.
        public var temperature: Double?

        public init(provider: String, model: String, temperature: Double? = nil) {
            self.provider = provider
            self.model = model
            self.temperature = temperature
        }
    }

    /// How `report.json` names it: `offline`, or `provider/model`.
    public var label: String {
        switch self {
        case .offline: "offline"
        case let .provider(engine): "\(engine.provider)/\(engine.model)"
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self), text == "offline" {
            self = .offline
        } else {
            self = .provider(try container.decode(ProviderEngine.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .offline: try container.encode("offline")
        case let .provider(engine): try container.encode(engine)
        }
    }
}
