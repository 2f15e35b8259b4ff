/// How the virality score learns from the creator's own videos (`learning:` in `reelsmith.yaml`, issue 23).
package struct LearningSettings: Sendable, Equatable {
    /// Best-of-N ranks variants by the calibrated total once it has passed its held-out validation.
    package var calibratesScore = true

    package init() {}
}
