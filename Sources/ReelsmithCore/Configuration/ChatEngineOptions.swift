/// `engines.script` and `engines.score`: a chat model (`/chat/completions`) and its temperature.
package struct ChatEngineOptions: ProviderEngineOptions, ReadableEngineOptions {
    package var provider: String
    package var model: String
    /// Sampling temperature; nil leaves the server's default.
    package var temperature: Double?

    package init(provider: String, model: String, temperature: Double? = nil) {
        self.provider = provider
        self.model = model
        self.temperature = temperature
    }

    package static let fields = FieldTable(
        [EngineFields.provider, EngineFields.model(example: "gpt-4o-mini"), EngineFields.temperature],
        summary: "A chat model.")

    package static func read(_ section: MappingReader, provider: String, model: String) throws(InputError) -> Self {
        Self(provider: provider, model: model, temperature: try section.number(EngineFields.temperature))
    }
}
