import ReelsmithCore

/// A JSON Schema cut down to what the grammar builders of local servers take (llama.cpp's and
/// llama-cpp-python's turn a schema into a grammar): the hashtag `pattern` killed
/// llama-cpp-python's server process (issue 19). Only keywords that constrain a string's
/// characters are dropped; structure, types, enums, lengths and counts stay. Our own answer checks
/// still apply every rule to what comes back.
enum GrammarSchema {
    /// Keywords dropped wherever they appear in a schema object.
    static let droppedKeywords: Set<String> = ["pattern", "patternProperties", "format", "$schema"]

    static func simplified(_ schema: JSONValue) -> JSONValue {
        switch schema {
        case .object(let fields):
            var kept: [String: JSONValue] = [:]
            for (name, value) in fields where !droppedKeywords.contains(name) {
                // Under `properties` the keys are field names, not keywords: a field called
                // `format` stays.
                kept[name] =
                    name == "properties" || name == "$defs" || name == "definitions"
                    ? simplifiedMembers(value) : simplified(value)
            }
            return .object(kept)
        case .array(let values):
            return .array(values.map(simplified))
        default:
            return schema
        }
    }

    private static func simplifiedMembers(_ value: JSONValue) -> JSONValue {
        guard case .object(let members) = value else { return simplified(value) }
        return .object(members.mapValues(simplified))
    }
}
