import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// One written variant, checkpointed in `work/scripts/variant-N.json` as soon as it arrives: a job
/// stopped or failed later (while scoring, say) never asks a model for it again.
package struct ScriptVariant: Sendable, Codable, Equatable {
    package var variant: Int
    /// The engine that wrote it: `offline`, `provider/model`, or `offline (fallback: …)`.
    package var engine: String
    package var script: Script
}
