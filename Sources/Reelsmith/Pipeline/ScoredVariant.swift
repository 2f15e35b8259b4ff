/// One variant's scores, checkpointed in `work/scores/variant-N.json` as soon as they are known:
/// a job stopped or failed later never pays for that score again.
struct ScoredVariant: Sendable, Codable, Equatable {
    var variant: Int
    /// `offline`, `provider/model`, or `offline (fallback: …)`.
    var engine: String
    /// Whether `score` came from a model (else it is the offline rubric's).
    var isModelScore: Bool
    var score: ViralityScore
    /// The offline rubric's score, always computed: the learning loop compares the two.
    var offlineScore: ViralityScore
}
