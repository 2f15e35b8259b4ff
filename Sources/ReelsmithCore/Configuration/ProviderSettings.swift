import Foundation

/// One entry of `providers:` in `reelsmith.yaml` (DESIGN §7). The name is the user's own; the
/// engines refer to it.
package struct ProviderSettings: Sendable, Equatable {
    /// What the provider speaks: the OpenAI wire format (OpenAI, Gemini's compatible API,
    /// Ollama, llama.cpp, vLLM, LM Studio, LocalAI, OpenRouter), or a stock-footage API.
    package enum Kind: String, Sendable, Equatable, CaseIterable {
        case openai, pexels, pixabay
    }

    package var name: String
    package var kind: Kind = .openai
    package var baseURL: URL
    package var key: APIKey.Source = .none
    /// Requests at once to this provider.
    package var maxInFlight = 4
    /// Seconds to open the connection (TCP, and TLS where the address is https).
    package var connectTimeoutSeconds = 10.0
    /// Seconds for a whole exchange, answer included; a model writing a long script needs time.
    package var timeoutSeconds = 120.0
    /// Attempts after the first on 429, 5xx, a timeout or a lost connection.
    package var maxRetries = 3
    /// Larger answers are cut off and refused: a wrong or hostile server cannot fill the memory.
    package var maxResponseBytes = 32 << 20

    package init(name: String, kind: Kind = .openai, baseURL: URL, key: APIKey.Source = .none) {
        self.name = name
        self.kind = kind
        self.baseURL = baseURL
        self.key = key
    }

    /// The keys, ranges and examples: ``ProviderFields`` (also the source of the schema's `providers`).
    static var knownKeys: [String] { ProviderFields.table.names }

    /// Reads one provider's mapping; relative key files are taken from `folder` (the settings file's).
    package static func read(
        name: String, from reader: MappingReader, folder: URL, environment: [String: String]
    ) throws(InputError) -> ProviderSettings {
        // `openai` is any OpenAI-compatible server.
        let kind = try reader.oneOf(ProviderFields.kind, what: "provider kind").flatMap(Kind.init) ?? .openai
        let defaultURL = kind.defaultBaseURL
        let address = try reader.string(ProviderFields.baseURL) ?? defaultURL
        guard let address, let url = URL(string: address.hasSuffix("/") ? String(address.dropLast()) : address),
            ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil,
            // A password or token in the address would end up in messages: keys go in api_key_*.
            url.user == nil, url.password == nil, url.query == nil, url.fragment == nil
        else {
            throw reader.has("base_url")
                ? reader.error(
                    .invalidValue(key: "base_url"), at: "base_url",
                    problem: "`base_url` is not a plain web address (no user, password, `?` or `#`)",
                    fix:
                        "write the API's root, e.g. `base_url: https://api.openai.com/v1` or `http://localhost:11434/v1`, and the key in `api_key_env`"
                )
                : reader.missing(ProviderFields.baseURL)
        }
        var settings = ProviderSettings(name: name, kind: kind, baseURL: url)
        if reader.has("api_key_env"), reader.has("api_key_file") {
            throw reader.error(
                .invalidValue(key: "api_key_file"), at: "api_key_file",
                problem: "both `api_key_env` and `api_key_file` are set",
                fix: "keep one of them")
        }
        if let variable = try reader.string(ProviderFields.apiKeyEnv) {
            guard !variable.isEmpty, variable.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw reader.error(
                    .invalidValue(key: "api_key_env"), at: "api_key_env",
                    problem: "`api_key_env` names an environment variable, not a key",
                    fix: "write the variable's name, e.g. `api_key_env: OPENAI_API_KEY`, and export the key in it")
            }
            settings.key = .environment(variable, value: environment[variable])
        }
        if let path = try reader.string(ProviderFields.apiKeyFile) {
            let file = path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path)
            do {
                settings.key = .file(file.path, value: try APIKey.readFile(file))
            } catch {
                throw reader.error(
                    .invalidValue(key: "api_key_file"), at: "api_key_file", problem: error.problem, fix: error.fix)
            }
        }
        // A key travels only encrypted, or to this machine (Ollama, llama.cpp on localhost).
        if settings.key != .none, url.scheme?.lowercased() == "http", !Self.isLoopback(url.host ?? "") {
            throw reader.error(
                .invalidValue(key: "base_url"), at: "base_url",
                problem: "a key would be sent unencrypted to \(url.host ?? "")",
                fix: "use an https:// address, or remove the key for a server on this machine")
        }
        settings.maxInFlight = try reader.integer(ProviderFields.maxInFlight) ?? settings.maxInFlight
        settings.connectTimeoutSeconds =
            try reader.number(ProviderFields.connectTimeoutSeconds) ?? settings.connectTimeoutSeconds
        settings.timeoutSeconds = try reader.number(ProviderFields.timeoutSeconds) ?? settings.timeoutSeconds
        settings.maxRetries = try reader.integer(ProviderFields.maxRetries) ?? settings.maxRetries
        if let megabytes = try reader.number(ProviderFields.maxResponseMB) {
            settings.maxResponseBytes = Int(megabytes * 1_048_576)
        }
        return settings
    }
}

extension ProviderSettings {
    package static func isLoopback(_ host: String) -> Bool {
        ["localhost", "::1", "[::1]"].contains(host.lowercased()) || host.hasPrefix("127.")
    }
}

extension ProviderSettings.Kind {
    /// Whether it serves stock footage (`engines.clips`) rather than models.
    package var isStockFootage: Bool {
        switch self {
        case .openai: false
        case .pexels, .pixabay: true
        }
    }

    /// The stock footage kinds, for messages: "`pexels` or `pixabay`".
    package static var stockFootage: String {
        allCases.filter(\.isStockFootage).map { "`\($0.rawValue)`" }.joined(separator: " or ")
    }

    /// The documented root of the stock APIs; an OpenAI-compatible server has no default.
    var defaultBaseURL: String? {
        switch self {
        case .openai: nil
        case .pexels: "https://api.pexels.com"
        case .pixabay: "https://pixabay.com/api"
        }
    }
}
