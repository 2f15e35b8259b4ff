/// `engines.align`: a transcription model (`/audio/transcriptions`) that gives word timestamps.
package struct AlignEngineOptions: ProviderEngineOptions, ReadableEngineOptions {
    package var provider: String
    package var model: String

    package init(provider: String, model: String) {
        self.provider = provider
        self.model = model
    }

    package static let fields = FieldTable(
        [EngineFields.provider, EngineFields.model(example: "whisper-1")],
        summary: "`/audio/transcriptions` times the words.")

    /// OpenAI's gpt-4o transcription models answer only `json` or `text`: no word timestamps.
    package static func read(_ section: MappingReader, provider: String, model: String) throws(InputError) -> Self {
        if model.lowercased().hasPrefix("gpt-4o"), model.lowercased().contains("transcribe") {
            throw section.error(
                .invalidValue(key: "model"), at: "model",
                problem: "\(model) gives no word timestamps (no `verbose_json`)",
                fix: "use `whisper-1` (or a faster-whisper server's model), or write `align: offline`")
        }
        return Self(provider: provider, model: model)
    }
}
