import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// The scoring stage's product (`virality.json`): every variant's score and the one kept. When a
/// model scores, the offline rubric's score is kept beside it, so the learning loop can tell
/// which one predicts views better.
package struct ScriptChoice: Sendable, Codable, Equatable {
    var chosenVariant: Int
    package var score: ViralityScore
    /// The offline rubric's score of the chosen variant, when the score came from a model.
    var offlineScore: ViralityScore?
    package var variants: [GenerationReport.Variant]
    package var targets: ScriptTargets
    /// Which engine wrote the script and which scored it (`offline`, `provider/model`, or
    /// `offline (fallback: …)`).
    package var engines: [String: String]?

    enum CodingKeys: String, CodingKey {
        case score, variants, targets, engines
        case chosenVariant = "chosen_variant"
        case offlineScore = "offline_score"
    }
}
