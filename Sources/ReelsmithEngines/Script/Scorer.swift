import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// The virality stage's engine (STYLE rule 18): the offline rubric or a language model filling the
/// same five criteria.
package protocol Scorer: Sendable {
    func score(_ script: Script, brief: ScriptBrief) async throws -> ViralityScore
}

extension ViralityRubric: Scorer {
    package func score(_ script: Script, brief: ScriptBrief) async throws -> ViralityScore {
        score(
            script, niche: brief.request.niche, targetDurationSeconds: brief.targets.durationSeconds,
            requestedScenes: brief.request.images)
    }
}
