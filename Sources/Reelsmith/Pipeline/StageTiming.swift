import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// How long a stage took, and whether its product was re-used from an earlier run.
package struct StageTiming: Sendable, Codable, Equatable {
    package var stage: Stage
    package var seconds: Double
    package var reused: Bool
    /// When it started, in seconds after the job's first stage started in this run: stages that
    /// ran at the same time (images and voice) overlap. nil for a re-used stage.
    package var startedAt: Double?

    package init(stage: Stage, seconds: Double, reused: Bool, startedAt: Double? = nil) {
        self.stage = stage
        self.seconds = seconds
        self.reused = reused
        self.startedAt = startedAt
    }

    enum CodingKeys: String, CodingKey {
        case stage, seconds, reused
        case startedAt = "started_at"
    }
}
