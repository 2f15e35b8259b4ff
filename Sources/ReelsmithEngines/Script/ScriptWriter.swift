import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// The script stage's engine (STYLE rule 18): the offline templates or a language model.
package protocol ScriptWriter: Sendable {
    /// Writes variant `variant` (1-based) of the brief's script.
    func write(_ brief: ScriptBrief, variant: Int) async throws -> Script
}

extension OfflineScriptEngine: ScriptWriter {
    package func write(_ brief: ScriptBrief, variant: Int) async throws -> Script {
        write(request: brief.request, targets: brief.targets, trends: brief.trends, variant: variant)
    }
}
