import Foundation
import GRDB

/// One video of the library, as the dashboard and `reelsmith library` show it.
public struct LibraryEntry: Sendable, Encodable, Equatable {
    /// Where a video stands.
    public enum Status: String, Sendable, Codable, Equatable, CaseIterable {
        /// In `outbox/videos/`, no numbers yet.
        case published
        /// Numbers arrived from an analytics file: it is out on TikTok.
        case posted
        /// Seen only in a TikTok export; not made by Reelsmith.
        case external
    }

    public var id: String
    public var title: String
    public var niche: String
    /// `YYYY-MM-DD`, the day it was made (or first seen, for an external video).
    public var day: String
    /// The virality score; nil for an external video.
    public var score: Int?
    /// The five criteria's points in ``VideoCriteria/names`` order; nil when unknown (external, or
    /// made before the index kept them).
    public var criteria: [Int]?
    public var status: Status
    /// The latest views and engagement (likes + comments + shares) read from analytics.
    public var views: Int?
    public var engagement: Int?
    /// The folder's name under `outbox/videos/`; nil for an external video.
    public var folder: String?

    enum CodingKeys: String, CodingKey {
        case id, title, niche, day, score, criteria, status, views, engagement, folder
    }

    /// The criteria by name (`{"hook": 20, …}`), the way `report.json` names them.
    public func encode(to encoder: any Encoder) throws {
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
    public func library(niche: String? = nil) throws -> [LibraryEntry] {
        let entries = try database.read { db in try DashboardData.libraryEntries(db) }
        guard let niche else { return entries }
        return entries.filter { $0.niche.lowercased() == niche.lowercased() }
    }
}
