/// A sentence (or list of sentences) in each first-class language; reports carry both.
public struct LocalizedText<Value: Sendable & Codable & Equatable>: Sendable, Codable, Equatable {
    public var en: Value
    public var fr: Value

    public init(en: Value, fr: Value) {
        self.en = en
        self.fr = fr
    }

    init(_ make: (Language) -> Value) {
        en = make(.en)
        fr = make(.fr)
    }

    public subscript(_ language: Language) -> Value {
        switch language {
        case .en: en
        case .fr: fr
        }
    }
}
