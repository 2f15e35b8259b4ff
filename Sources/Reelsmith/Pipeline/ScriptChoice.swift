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
    /// The chosen variant's total with this creator's validated weights, beside the seed's
    /// `score.total` (issue 23); nil when calibration is off or has not passed its validation.
    package var calibratedTotal: Int? = nil
    /// The weights that chose the variant, when they were the calibrated ones.
    package var calibratedWeights: ScoreWeights? = nil
    /// `validated`, `refused`, `insufficient` (seed weights kept), or `off` (`learning.calibrate_score: false`).
    package var calibration: String? = nil

    enum CodingKeys: String, CodingKey {
        case score, variants, targets, engines, calibration
        case calibratedTotal = "calibrated_total"
        case calibratedWeights = "calibrated_weights"
        case chosenVariant = "chosen_variant"
        case offlineScore = "offline_score"
    }
}
