import Foundation

/// Where a job is in its life, stored in the `jobs` table.
enum JobState: String, Sendable, Codable, Equatable {
    case queued, running, published, failed
}
