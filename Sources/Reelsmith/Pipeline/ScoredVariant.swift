import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// One variant's scores, checkpointed in `work/scores/variant-N.json` as soon as they are known:
/// a job stopped or failed later never pays for that score again.
package struct ScoredVariant: Sendable, Codable, Equatable {
    package var variant: Int
    /// `offline`, `provider/model`, or `offline (fallback: …)`.
    package var engine: String
    /// Whether `score` came from a model (else it is the offline rubric's).
    var isModelScore: Bool
    package var score: ViralityScore
    /// The offline rubric's score, always computed: the learning loop compares the two.
    var offlineScore: ViralityScore
}
