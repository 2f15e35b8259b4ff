import Yams

/// Reads keys through their ``FieldSpec``: the names, ranges and examples the decoder checks are
/// the ones the JSON Schemas are generated from (issue 13).
extension MappingReader {
    package init(_ mapping: Node.Mapping, file: String, table: FieldTable) throws(InputError) {
        try self.init(mapping, file: file, knownKeys: table.names)
    }

    package func string(_ field: FieldSpec) throws(InputError) -> String? { try string(field.name) }

    func requiredString(_ field: FieldSpec) throws(InputError) -> String {
        try requiredString(field.name, example: field.exampleText)
    }

    package func integer(_ field: FieldSpec) throws(InputError) -> Int? {
        try integer(field.name, in: field.integerRange)
    }

    package func number(_ field: FieldSpec) throws(InputError) -> Double? {
        try number(field.name, in: field.numberRange)
    }

    package func bool(_ field: FieldSpec) throws(InputError) -> Bool? { try bool(field.name) }

    func oneOf(_ field: FieldSpec, what: String) throws(InputError) -> String? {
        try oneOf(field.name, among: field.words, what: what)
    }

    package func strings(_ field: FieldSpec) throws(InputError) -> [String]? {
        try strings(field.name, example: field.exampleText)
    }

    package func mapping(_ field: FieldSpec) throws(InputError) -> MappingReader? {
        try mapping(field.name, knownKeys: field.table.names)
    }

    func namedMappings(_ field: FieldSpec) throws(InputError) -> [(name: String, reader: MappingReader)] {
        try namedMappings(field.name, knownKeys: field.table.names)
    }

    package func missing(_ field: FieldSpec) -> InputError { missing(field.name, example: field.exampleText) }
}
