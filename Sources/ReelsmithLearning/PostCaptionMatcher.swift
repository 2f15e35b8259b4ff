import ReelsmithCore

/// Links a TikTok caption to the one video of ours whose description (caption + hashtags) it
/// repeats. A caption that two videos fit about equally well is ambiguous: it is reported, never
/// guessed, because a wrong link would teach the model with another video's numbers.
struct PostCaptionMatcher: Sendable {
    struct Candidate: Sendable, Equatable {
        package var id: String
        package var caption: PostCaption
    }

    package enum Match: Sendable, Equatable {
        case video(id: String, similarity: Double)
        /// The candidates that fit about equally well, best first.
        case ambiguous([String])
        case none
    }

    /// Jaccard similarity from which a caption is taken to be the same text (edited captions,
    /// an emoji or a hashtag added, still pass).
    package static let threshold = 0.6
    /// How far ahead the best candidate must be of the next one to be chosen.
    package static let margin = 0.1

    private(set) var candidates: [Candidate]

    package init(candidates: [Candidate]) {
        self.candidates = candidates
    }

    package func match(_ caption: String) -> Match {
        let text = PostCaption(caption)
        let scored = candidates.map { ($0.id, $0.caption.similarity(to: text)) }
            .filter { $0.1 >= Self.threshold }
            .sorted { ($0.1, $1.0) > ($1.1, $0.0) }
        guard let best = scored.first else { return .none }
        let close = scored.filter { best.1 - $0.1 < Self.margin }
        return close.count == 1 ? .video(id: best.0, similarity: best.1) : .ambiguous(close.map(\.0))
    }

    /// A linked video is no longer a candidate: one TikTok post per video.
    package mutating func remove(id: String) {
        candidates.removeAll { $0.id == id }
    }
}
