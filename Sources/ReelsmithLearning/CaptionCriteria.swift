import ReelsmithCore

/// The virality criteria a caption alone allows (issue 23), in ``VideoCriteria/names`` order: the
/// hook (the caption's first sentence), emotional triggers and SEO are scored; structure and timing
/// need the script and the spoken duration, so they are nil — unknown, never a made-up 0.
package struct CaptionCriteria: Sendable, Codable, Equatable {
    /// Points per criterion in ``VideoCriteria/names`` order; nil where the caption cannot tell.
    package var points: [Int?]
    /// Words in the caption's first sentence (its hook), hashtags excluded.
    package var hookWords: Int?

    package init(points: [Int?], hookWords: Int?) {
        precondition(points.count == VideoCriteria.names.count, "one entry per criterion")
        self.points = points
        self.hookWords = hookWords
    }
}

/// Scores a caption with the offline rubric (implemented beside the rubric, in the engines): the
/// learning index cannot import the engines, so the rubric comes to it.
package protocol CaptionScorer: Sendable {
    /// Raised whenever the rubric's scoring changes: rows of an older version are scored again.
    var rubricVersion: Int { get }
    func criteria(caption: String, niche: String) -> CaptionCriteria
}
