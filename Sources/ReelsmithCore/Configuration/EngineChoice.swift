/// The engine of one stage (DESIGN §7): the built-in offline one, a model at a provider with the
/// stage's own options, or (voice and images) a local program.
package enum EngineChoice<Options: ProviderEngineOptions>: Sendable, Equatable, Codable {
    case offline
    case provider(Options)
    case command(CommandEngine)

    /// How `report.json` names it: `offline`, `provider/model` or `command:program`.
    package var label: String {
        switch self {
        case .offline: EngineLabel.offline
        case .provider(let options): "\(options.provider)/\(options.model)"
        case .command(let command): "command:\(command.program)"
        }
    }

    package var provider: Options? {
        if case .provider(let options) = self { options } else { nil }
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self), text == EngineLabel.offline {
            self = .offline
        } else if let command = try? container.decode(CommandEngine.self) {
            self = .command(command)
        } else {
            self = .provider(try container.decode(Options.self))
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .offline: try container.encode(EngineLabel.offline)
        case .provider(let options): try container.encode(options)
        case .command(let command): try container.encode(command)
        }
    }
}

/// How reports name the engines that are not a provider's model.
package enum EngineLabel {
    package static let offline = "offline"

    /// An offline engine that ran because the chosen one failed for good (`on_failure: offline`).
    package static func fallback(_ problem: String) -> String { "offline (fallback: \(problem))" }
}
