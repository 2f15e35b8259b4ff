/// One written variant, checkpointed in `work/scripts/variant-N.json` as soon as it arrives: a job
/// stopped or failed later (while scoring, say) never asks a model for it again.
struct ScriptVariant: Sendable, Codable, Equatable {
    var variant: Int
    /// The engine that wrote it: `offline`, `provider/model`, or `offline (fallback: …)`.
    var engine: String
    var script: Script
}
