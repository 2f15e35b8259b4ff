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
    public var onFailure: FailurePolicy = .offline
    /// Stock footage per scene (issue 9): nil or `offline` uses the creator's clip library only.
    public var clips: ClipsEngine?

    public init(script: EngineChoice = .offline, score: EngineChoice = .offline, onFailure: FailurePolicy = .offline) {
        self.script = script
        self.score = score
        self.onFailure = onFailure
    }

    enum CodingKeys: String, CodingKey {
        case script, score, clips
        case onFailure = "on_failure"
    }

    /// Every stage DESIGN §7 names; those not built yet accept only `offline`.
    static let stageNames = ["script", "score", "images", "voice", "align", "clips"]
    static let knownKeys = stageNames + ["on_failure"]
    static let engineKeys = ["provider", "model", "temperature"]

    /// Reads an `engines:` mapping over `base` (a request's keys override the settings file's).
    /// `providers` are the names under `providers:`, with their kind.
    static func read(
        _ reader: MappingReader, over base: EngineSettings, providers: [String: ProviderSettings.Kind]
    ) throws(InputError) -> EngineSettings {
        var settings = base
        if let text = try reader.string("on_failure") {
            guard let policy = FailurePolicy(rawValue: text) else {
                throw reader.error(
                    .invalidValue(key: "on_failure"), at: "on_failure", problem: "`on_failure` is `\(text)`",
                    fix: "write `on_failure: offline` (use the built-in engine) or `on_failure: fail` (fail the video)")
            }
            settings.onFailure = policy
        }
        if let choice = try choice("script", in: reader, providers: providers) { settings.script = choice }
        if let choice = try choice("score", in: reader, providers: providers) { settings.score = choice }
        if let clips = try ClipsEngine.read(reader, providers: providers) { settings.clips = clips }
        for stage in ["images", "voice", "align"] {
            if let choice = try choice(stage, in: reader, providers: providers), choice != .offline {
                throw reader.error(
                    .invalidValue(key: stage), at: stage,
                    problem: "this version runs `engines.\(stage)` offline only; provider \(stage) engines are not built yet",
                    fix: "write `\(stage): offline`, or remove the line")
            }
        }
        return settings
    }

    private static func choice(
        _ stage: String, in reader: MappingReader, providers: [String: ProviderSettings.Kind]
    ) throws(InputError) -> EngineChoice? {
        guard let node = reader.node(stage) else { return nil }
        if case let .scalar(scalar) = node {
            guard scalar.string == "offline" else {
                throw reader.error(
                    .invalidValue(key: stage), at: stage, problem: "`\(stage)` is `\(scalar.string)`",
                    fix: "write `\(stage): offline`, or `\(stage): { provider: NAME, model: MODEL }` with a provider named under `providers:`")
            }
            return .offline
        }
        guard let section = try reader.mapping(stage, knownKeys: engineKeys) else { return nil }
        let provider = try section.requiredString("provider", example: providers.keys.sorted().first ?? "openai")
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
        let model = try section.requiredString("model", example: "gpt-4o-mini")
        let temperature = try section.number("temperature", in: 0...2)
        return .provider(.init(provider: provider, model: model, temperature: temperature))
    }
}
