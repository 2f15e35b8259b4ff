/// The keys of one entry of `providers:` (DESIGN §7), read by ``ProviderSettings``.
package enum ProviderFields {
    package static let kind = FieldSpec.choice(
        "kind", ProviderSettings.Kind.allCases.map(\.rawValue),
        summary:
            "What the provider speaks: `openai` is any OpenAI-compatible server (OpenAI, Gemini, Ollama, llama.cpp, vLLM…); `pexels` and `pixabay` are stock clips.",
        default: "openai", example: "openai")
    package static let baseURL = FieldSpec.text(
        "base_url", .init(pattern: "^[Hh][Tt][Tt][Pp][Ss]?://[^?#@]+$", acceptsOtherScalars: false),
        summary:
            "The API's root, a plain http(s) address (no user, password, `?` or `#`). Required for `kind: openai`.",
        example: "https://api.openai.com/v1")
    package static let apiKeyEnv = FieldSpec.text(
        "api_key_env", .init(pattern: "^[A-Za-z0-9_]+$", acceptsOtherScalars: false),
        summary: "The environment variable holding the key (the key itself never goes in this file).",
        example: "OPENAI_API_KEY")
    package static let apiKeyFile = FieldSpec.text(
        "api_key_file",
        summary: "A file holding the key, readable only by its owner (mode 600); relative to this file.",
        example: "openai.key")
    package static let maxInFlight = FieldSpec.integer(
        "max_in_flight", 1...64, summary: "Requests at once to this provider.", default: 4, example: 4)
    package static let connectTimeoutSeconds = FieldSpec.number(
        "connect_timeout_seconds", 0.1...300, summary: "Seconds to open the connection.", default: 10, example: 10)
    package static let timeoutSeconds = FieldSpec.number(
        "timeout_seconds", 1...3600, summary: "Seconds for a whole exchange, answer included.", default: 120,
        example: 120)
    package static let maxRetries = FieldSpec.integer(
        "max_retries", 0...10, summary: "Attempts after the first on 429, 5xx, a timeout or a lost connection.",
        default: 3,
        example: 3)
    package static let maxResponseMB = FieldSpec.number(
        "max_response_mb", 0.01...1024, summary: "Larger answers are refused, in megabytes.", default: 32, example: 32)

    package static let table = FieldTable(
        [
            kind, baseURL, apiKeyEnv, apiKeyFile, maxInFlight, connectTimeoutSeconds, timeoutSeconds, maxRetries,
            maxResponseMB,
        ],
        rules: [
            .exclusive("api_key_env", ["api_key_file"]),
            .requiredUnless(
                "base_url", switchKey: "kind",
                values: ProviderSettings.Kind.allCases.filter { $0.defaultBaseURL != nil }.map(\.rawValue)),
        ],
        summary: "A provider; the engines name it.")
}
