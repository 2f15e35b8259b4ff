/// `engines.script` and `engines.score`: a chat model (`/chat/completions`) and its temperature.
public struct ChatEngineOptions: ProviderEngineOptions, ReadableEngineOptions {
    public var provider: String
    public var model: String
    /// Sampling temperature; nil leaves the server's default.
    public var temperature: Double?

    public init(provider: String, model: String, temperature: Double? = nil) {
        self.provider = provider
        self.model = model
        self.temperature = temperature
    }

    public static let fields = FieldTable(
        [EngineFields.provider, EngineFields.model(example: "gpt-4o-mini"), EngineFields.temperature],
        summary: "A chat model.")

    static func read(_ section: MappingReader, provider: String, model: String) throws(InputError) -> Self {
        Self(provider: provider, model: model, temperature: try section.number(EngineFields.temperature))
    }
}
