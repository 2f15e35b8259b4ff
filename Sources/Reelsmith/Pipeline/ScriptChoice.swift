import Foundation

/// The scoring stage's product (`virality.json`): every variant's score and the one kept.
struct ScriptChoice: Sendable, Codable, Equatable {
    var chosenVariant: Int
    var score: ViralityScore
    var variants: [GenerationReport.Variant]
    var targets: ScriptTargets

    enum CodingKeys: String, CodingKey {
        case score, variants, targets
        case chosenVariant = "chosen_variant"
    }
}
