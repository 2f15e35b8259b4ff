/// The options of one stage's provider engine (`{ provider: NAME, model: MODEL, … }`), each stage
/// with its own type read from its own field table; the schemas' `engines` sections are generated
/// from the same tables.
package protocol ProviderEngineOptions: Sendable, Equatable, Codable {
    /// The provider's name under `providers:`.
    var provider: String { get }
    var model: String { get }
    /// The keys this stage's provider engine takes.
    static var fields: FieldTable { get }
}

/// Options that read themselves from their stage's section of `engines:`.
protocol ReadableEngineOptions: ProviderEngineOptions {
    /// Reads the stage's own options from a section whose keys were checked against ``fields``.
    static func read(_ section: MappingReader, provider: String, model: String) throws(InputError) -> Self
}
