import Foundation

/// One key of a YAML mapping a person writes (a request, a trends or analytics file,
/// `reelsmith.yaml`): its name, its shape and range, its default, an example and what it means.
/// The decoders read each key through its spec (``MappingReader``), and the JSON Schemas the
/// editor uses are generated from the same specs (``JSONSchemaBuilder``), so the two cannot
/// disagree (issue 13).
package struct FieldSpec: Sendable {
    /// What a value may be.
    package indirect enum Shape: Sendable {
        /// Any scalar, read as text.
        case text(TextRule)
        case integer(ClosedRange<Int>)
        case number(ClosedRange<Double>)
        /// `true`/`false` (also `yes`/`no`, `on`/`off`, in any case).
        case flag
        /// One of these words, no other.
        case choice([String])
        /// This word, no other (`kind: request`).
        case constant(String)
        /// A non-empty list of text items.
        case textList
        /// A mapping with its own keys.
        case mapping(FieldTable)
        /// A mapping whose keys are the user's own names, each holding a mapping (`providers:`).
        case namedMappings(FieldTable)
        /// A non-empty list of mappings (`trends:`, `analytics:`).
        case list(FieldTable)
        /// One of these words, or a mapping of one of these tables (an engine: `offline`,
        /// `{provider: …}` or `{command: […]}`).
        case alternatives(words: [String], mappings: [FieldTable])
    }

    /// Text limits, and the values offered while typing (never a closed list).
    package struct TextRule: Sendable {
        package var suggestions: Suggestions = .none
        /// Blank text is refused (the key is required, or must name something).
        package var isNonBlank = false
        package var maximumLength: Int?
        /// An ECMA-262 pattern the text must match (the editor's and Python's regex dialect agree on it).
        package var pattern: String?
        /// Numbers and `true`/`false` are read as their text too (`voice: 123`).
        package var acceptsOtherScalars = true

        package init(
            suggestions: Suggestions = .none, isNonBlank: Bool = false, maximumLength: Int? = nil,
            pattern: String? = nil,
            acceptsOtherScalars: Bool = true
        ) {
            self.suggestions = suggestions
            self.isNonBlank = isNonBlank
            self.maximumLength = maximumLength
            self.pattern = pattern
            self.acceptsOtherScalars = acceptsOtherScalars
        }
    }

    /// Values a text key is completed with: fixed, or the project's own (its niches, voices, music).
    package enum Suggestions: Sendable {
        case none
        case fixed([String])
        case niches, voices, music
    }

    package let name: String
    package let shape: Shape
    /// What the key means, shown when the pointer is over it.
    package let summary: String
    /// What an absent key means; nil when absence means "none".
    package let defaultValue: JSONValue?
    package let example: JSONValue
    package let isRequired: Bool

    package init(
        _ name: String, _ shape: Shape, summary: String, default defaultValue: JSONValue? = nil, example: JSONValue,
        isRequired: Bool = false
    ) {
        self.name = name
        self.shape = shape
        self.summary = summary
        self.defaultValue = defaultValue
        self.example = example
        self.isRequired = isRequired
    }

    package static func text(
        _ name: String, _ rule: TextRule = TextRule(), summary: String, default defaultValue: String? = nil,
        example: String,
        isRequired: Bool = false
    ) -> FieldSpec {
        FieldSpec(
            name, .text(rule), summary: summary, default: defaultValue.map(JSONValue.string), example: .string(example),
            isRequired: isRequired)
    }

    package static func integer(
        _ name: String, _ range: ClosedRange<Int>, summary: String, default defaultValue: Int? = nil, example: Int,
        isRequired: Bool = false
    ) -> FieldSpec {
        FieldSpec(
            name, .integer(range), summary: summary, default: defaultValue.map { .number(Double($0)) },
            example: .number(Double(example)), isRequired: isRequired)
    }

    package static func number(
        _ name: String, _ range: ClosedRange<Double>, summary: String, default defaultValue: Double? = nil,
        example: Double
    ) -> FieldSpec {
        FieldSpec(
            name, .number(range), summary: summary, default: defaultValue.map(JSONValue.number),
            example: .number(example))
    }

    package static func choice(
        _ name: String, _ words: [String], summary: String, default defaultValue: String? = nil, example: String
    ) -> FieldSpec {
        FieldSpec(
            name, .choice(words), summary: summary, default: defaultValue.map(JSONValue.string),
            example: .string(example))
    }

    /// The range of an `.integer` key (a programming mistake otherwise, caught by the field tests).
    var integerRange: ClosedRange<Int> {
        if case .integer(let range) = shape { return range }
        assertionFailure("\(name) is not an integer key")
        return Int.min...Int.max
    }

    var numberRange: ClosedRange<Double> {
        if case .number(let range) = shape { return range }
        assertionFailure("\(name) is not a number key")
        return -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude
    }

    package var words: [String] {
        switch shape {
        case .choice(let words): words
        case .constant(let word): [word]
        case .alternatives(let words, _): words
        default: []
        }
    }

    /// The table of a `.mapping`, `.namedMappings` or `.list` key.
    package var table: FieldTable {
        switch shape {
        case .mapping(let table), .namedMappings(let table), .list(let table): return table
        default:
            assertionFailure("\(name) holds no mapping")
            return FieldTable([])
        }
    }

    /// The example as it is written in YAML, for messages (`add a line such as \`niche: fitness\``).
    var exampleText: String {
        switch example {
        case .string(let text): text
        case .number(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        default: example.text
        }
    }
}

extension FieldSpec {
    /// The most characters a text key may hold.
    package var maximumLength: Int {
        if case .text(let rule) = shape, let limit = rule.maximumLength { return limit }
        assertionFailure("\(name) has no length limit")
        return Int.max
    }
}

extension FieldSpec {
    /// A pattern matching exactly one of `words`, in any case (`^([Ff][Rr]|[Ee][Nn])$`).
    static func anyCase(_ words: [String]) -> String {
        let alternatives = words.map { word in
            word.map { character in
                let lower = character.lowercased()
                let upper = character.uppercased()
                return lower == upper ? NSRegularExpression.escapedPattern(for: lower) : "[\(upper)\(lower)]"
            }.joined()
        }
        return "^(\(alternatives.joined(separator: "|")))$"
    }
}
