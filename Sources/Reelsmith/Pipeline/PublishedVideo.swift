import Foundation

/// A generation request's result: the published folder and its report.
public struct PublishedVideo: Sendable {
    public var folder: URL
    public var jobId: String
    public var report: GenerationReport
    /// True when the request's video was already in the outbox and nothing was run.
    public var wasPublishedBefore = false
}
