/// How long a stage took, and whether its product was re-used from an earlier run.
public struct StageTiming: Sendable, Codable, Equatable {
    public var stage: Stage
    public var seconds: Double
    public var reused: Bool
}
