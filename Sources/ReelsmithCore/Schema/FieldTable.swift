/// The keys of one YAML mapping, in the order messages list them, and the rules that tie keys
/// together (both given, one of several required). Read by the decoder and by the schema builder.
package struct FieldTable: Sendable {
    /// A rule over several keys of one mapping.
    package enum Rule: Sendable {
        /// At least one of these keys (`engagement`, or `likes`/`comments`/`shares`).
        case anyOf([String])
        /// Never `key` together with any of `others`.
        case exclusive(String, [String])
        /// `key` is required unless `switchKey` is one of `values` (`base_url` unless `kind: pexels`).
        case requiredUnless(String, switchKey: String, values: [String])
    }

    package let fields: [FieldSpec]
    package let rules: [Rule]
    /// What the mapping is, shown on its own hover.
    package let summary: String?

    package init(_ fields: [FieldSpec], rules: [Rule] = [], summary: String? = nil) {
        self.fields = fields
        self.rules = rules
        self.summary = summary
    }

    /// The key names, in order: the decoder's known keys.
    package var names: [String] { fields.map(\.name) }

    package subscript(name: String) -> FieldSpec? { fields.first { $0.name == name } }
}
