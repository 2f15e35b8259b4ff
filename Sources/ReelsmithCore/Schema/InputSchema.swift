import Foundation

/// The YAML files a person writes, each with its JSON Schema (issue 13): requests, trends,
/// analytics and `reelsmith.yaml`.
package enum InputSchema: String, Sendable, CaseIterable {
    case request, trends, analytics, config

    /// The keys the decoder reads.
    package var table: FieldTable {
        switch self {
        case .request: RequestFields.table
        case .trends: TrendsFields.table
        case .analytics: AnalyticsFields.table
        case .config: SettingsFields.table
        }
    }

    /// `request.schema.json`.
    package var fileName: String { "\(rawValue).schema.json" }

    package var title: String {
        switch self {
        case .request: "Reelsmith generation request (inbox/requests/*.yaml)"
        case .trends: "Reelsmith trends file (inbox/trends/*.yaml)"
        case .analytics: "Reelsmith analytics file (inbox/analytics/*.yaml)"
        case .config: "Reelsmith settings (reelsmith.yaml)"
        }
    }

    /// The files of a project it applies to, as globs from the project folder.
    package var globs: [String] {
        switch self {
        case .request: ["inbox/requests/*.yaml", "inbox/requests/*.yml"]
        case .trends: ["inbox/trends/*.yaml", "inbox/trends/*.yml"]
        case .analytics: ["inbox/analytics/*.yaml", "inbox/analytics/*.yml"]
        case .config: [Configuration.fileName]
        }
    }

    /// The schema, with `suggestions` offered for niches, voices and music.
    package func document(suggestions: SchemaSuggestions = SchemaSuggestions()) -> JSONValue {
        JSONSchemaBuilder(suggestions: suggestions).document(
            table, id: "https://reelsmith.local/schema/\(fileName)", title: title)
    }

    /// The schema as pretty-printed JSON with sorted keys (stable from one run to the next).
    package func json(suggestions: SchemaSuggestions = SchemaSuggestions()) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(document(suggestions: suggestions)) + Data("\n".utf8)
    }
}
