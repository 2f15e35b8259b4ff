/// A language the offline engines speak and write. French and English are first-class.
package enum Language: String, Sendable, Codable, Equatable, CaseIterable {
    case fr
    case en

    /// The espeak-ng voice used when the request says `voice: default`.
    package var defaultVoice: String {
        switch self {
        case .fr: "fr-fr"
        case .en: "en-us"
        }
    }
}
