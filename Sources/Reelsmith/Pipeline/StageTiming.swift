/// How long a stage took, and whether its product was re-used from an earlier run.
public struct StageTiming: Sendable, Codable, Equatable {
    public var stage: Stage
    public var seconds: Double
    public var reused: Bool
    /// When it started, in seconds after the job's first stage started in this run: stages that
    /// ran at the same time (images and voice) overlap. nil for a re-used stage.
    public var startedAt: Double?

    public init(stage: Stage, seconds: Double, reused: Bool, startedAt: Double? = nil) {
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
