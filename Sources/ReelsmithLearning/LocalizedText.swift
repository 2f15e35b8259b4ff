import ReelsmithCore

/// A sentence (or list of sentences) in each first-class language; reports carry both.
package struct LocalizedText<Value: Sendable & Codable & Equatable>: Sendable, Codable, Equatable {
    package var en: Value
    package var fr: Value

    package init(en: Value, fr: Value) {
        self.en = en
        self.fr = fr
    }

    package init(_ make: (Language) -> Value) {
        en = make(.en)
        fr = make(.fr)
    }

    package subscript(_ language: Language) -> Value {
        switch language {
        case .en: en
        case .fr: fr
        }
    }
}
