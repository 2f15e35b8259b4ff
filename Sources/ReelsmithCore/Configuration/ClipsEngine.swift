import Yams

/// `engines.clips` (issue 9): where scenes find stock footage besides the creator's own clips —
/// `offline` (the library only) or `{ provider: NAME }` naming a provider of kind `pexels` or
/// `pixabay`. There is no model to choose.
package enum ClipsEngine: Sendable, Equatable, Codable {
    case offline
    case provider(String)

    /// How `report.json` names it.
    package var label: String {
        switch self {
        case .offline: "offline (clip library)"
        case .provider(let name): "\(name) + clip library"
        }
    }

    /// The keys: ``EngineFields/clipsTable`` (also the source of the schemas' `engines.clips`).
    package static var keys: [String] { EngineFields.clipsTable.names }

    /// Written as in reelsmith.yaml: `"offline"` or `{"provider": NAME}`.
    private struct Written: Codable { var provider: String }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self), text == "offline" {
            self = .offline
        } else {
            self = .provider(try container.decode(Written.self).provider)
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .offline: try container.encode("offline")
        case .provider(let name): try container.encode(Written(provider: name))
        }
    }

    package static func read(
        _ reader: MappingReader, providers: [String: ProviderSettings.Kind]
    ) throws(InputError) -> ClipsEngine? {
        guard let node = reader.node("clips") else { return nil }
        if case .scalar(let scalar) = node {
            guard scalar.string == "offline" else {
                throw reader.error(
                    .invalidValue(key: "clips"), at: "clips", problem: "`clips` is `\(Excerpt.quote(scalar.string))`",
                    fix:
                        "write `clips: offline` (your clip library only) or `clips: { provider: NAME }` with a pexels or pixabay provider named under `providers:`"
                )
            }
            return .offline
        }
        guard let section = try reader.mapping("clips", knownKeys: keys) else { return nil }
        let stock = providers.filter { $0.value.isStockFootage }.keys.sorted()
        let provider = try section.requiredString("provider", example: stock.first ?? "pexels")
        guard let kind = providers[provider] else {
            let hint =
                KeySuggestion.nearest(to: provider, among: providers.keys.sorted()).map { "did you mean `\($0)`? " }
                ?? ""
            throw section.error(
                .invalidValue(key: "provider"), at: "provider",
                problem: "no provider named `\(Excerpt.quote(provider))`",
                fix: stock.isEmpty
                    ? "declare it under `providers:` with `kind: pexels` (or pixabay) and `api_key_env`"
                    : "\(hint)the stock providers are \(stock.map { "`\($0)`" }.joined(separator: ", "))")
        }
        guard kind.isStockFootage else {
            throw section.error(
                .invalidValue(key: "provider"), at: "provider",
                problem: "`\(provider)` is an \(kind.rawValue) provider; clips need a stock footage one",
                fix: "name a provider of kind `pexels` or `pixabay`")
        }
        return .provider(provider)
    }
}
