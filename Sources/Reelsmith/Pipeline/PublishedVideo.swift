import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// A generation request's result: the published folder and its report.
package struct PublishedVideo: Sendable {
    package var folder: URL
    package var jobId: String
    package var report: GenerationReport
    /// True when the request's video was already in the outbox and nothing was run.
    package var wasPublishedBefore = false
}
