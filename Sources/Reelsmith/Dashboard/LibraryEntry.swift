import Foundation
import GRDB
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// One video of the library, as the dashboard and `reelsmith library` show it.
package struct LibraryEntry: Sendable, Encodable, Equatable {
    /// Where a video stands.
    package enum Status: String, Sendable, Codable, Equatable, CaseIterable {
        /// In `outbox/videos/`, no numbers yet.
        case published
        /// Numbers arrived from an analytics file: it is out on TikTok.
        case posted
        /// Seen only in a TikTok export; not made by Reelsmith.
        case external
    }

    package var id: String
    package var title: String
    package var niche: String
    /// `YYYY-MM-DD`, the day it was made (or first seen, for an external video).
    package var day: String
    /// The virality score; nil for an external video.
    package var score: Int?
    /// The five criteria's points in ``VideoCriteria/names`` order; nil when unknown (external, or
    /// made before the index kept them).
    package var criteria: [Int]?
    package var status: Status
    /// The latest views and engagement (likes + comments + shares) read from analytics.
    package var views: Int?
    package var engagement: Int?
    /// The folder's name under `outbox/videos/`; nil for an external video.
    package var folder: String?

    enum CodingKeys: String, CodingKey {
        case id, title, niche, day, score, criteria, status, views, engagement, folder
    }

    /// The criteria by name (`{"hook": 20, …}`), the way `report.json` names them.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(niche, forKey: .niche)
        try container.encode(day, forKey: .day)
        try container.encode(score, forKey: .score)
        try container.encode(
            criteria.map { Dictionary(uniqueKeysWithValues: zip(VideoCriteria.names, $0)) }, forKey: .criteria)
        try container.encode(status, forKey: .status)
        try container.encode(views, forKey: .views)
        try container.encode(engagement, forKey: .engagement)
        try container.encode(folder, forKey: .folder)
    }
}

extension LearningIndex {
    /// Every video, newest first (`reelsmith library`); only one niche's when `niche` is given.
    package func library(niche: String? = nil) throws -> [LibraryEntry] {
        let entries = try database.read { db in try DashboardData.libraryEntries(db) }
        guard let niche else { return entries }
        return entries.filter { $0.niche.lowercased() == niche.lowercased() }
    }
}
