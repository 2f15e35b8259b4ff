import Foundation

/// One video of the library, as the dashboard and `reelsmith library` show it.
public struct LibraryEntry: Sendable, Codable, Equatable {
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
}
