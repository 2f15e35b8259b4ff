/// `engines.images` at a provider (`/images/generations`): the size and quality asked of the model.
package struct ImageEngineOptions: ProviderEngineOptions, ReadableEngineOptions {
    package var provider: String
    package var model: String
    /// `WIDTHxHEIGHT` asked of the model (or `auto` for gpt-image), when the default is not wanted.
    package var size: String?
    /// A quality the model takes (`low`, `medium`, `high`, `standard`, `hd`).
    package var quality: String?

    package init(provider: String, model: String, size: String? = nil, quality: String? = nil) {
        self.provider = provider
        self.model = model
        self.size = size
        self.quality = quality
    }

    package static let fields = FieldTable(
        [EngineFields.provider, EngineFields.model(example: "gpt-image-1"), EngineFields.size, EngineFields.quality],
        summary: "`/images/generations` draws the scenes.")

    /// OpenAI's models take only their own sizes and qualities: anything else is refused here, not
    /// by the API on every scene (every picture a title card).
    package static func read(_ section: MappingReader, provider: String, model: String) throws(InputError) -> Self {
        var options = Self(provider: provider, model: model)
        let family = ImageModelFamily(model: model)
        if let size = try section.string(EngineFields.size) {
            if let sizes = family?.sizes {
                guard sizes.contains(size.lowercased()) else {
                    throw section.error(
                        .invalidValue(key: "size"), at: "size",
                        problem: "\(model) does not draw `\(Excerpt.quote(size))`",
                        fix:
                            "use one of its sizes: \(sizes.map { "`\($0)`" }.joined(separator: ", ")) (the picture is cropped to 1080×1920)"
                    )
                }
            } else if ImageSize(size) == nil {
                throw section.error(
                    .invalidValue(key: "size"), at: "size", problem: "`size` is `\(Excerpt.quote(size))`",
                    fix: "write WIDTHxHEIGHT in pixels, each 256…4096, e.g. `size: 1024x1792`")
            }
            options.size = size.lowercased()
        }
        options.quality = try section.string(EngineFields.quality)
        if let quality = options.quality, let qualities = family?.qualities, !qualities.contains(quality) {
            throw section.error(
                .invalidValue(key: "quality"), at: "quality",
                problem: "\(model) has no quality `\(Excerpt.quote(quality))`",
                fix: "use one of \(qualities.map { "`\($0)`" }.joined(separator: ", "))")
        }
        return options
    }
}
