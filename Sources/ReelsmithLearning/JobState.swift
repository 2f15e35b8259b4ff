import Foundation
import ReelsmithCore

/// Where a job is in its life, stored in the `jobs` table.
package enum JobState: String, Sendable, Codable, Equatable {
    case queued, running, published, failed
}
