import Foundation

/// Chooses a library clip for each scene (issue 9): ranked by overlap with the scene's search
/// terms, then orientation (portrait, square, landscape), then whether it covers the scene without
/// looping, then resolution. A clip is not used twice in a video while another one matches.
struct ClipMatcher: Sendable {
    let clips: [LibraryClip]

    /// How well a clip answers terms: each term counts the share of its words among the clip's
    /// keywords (`morning run` against {run, beach} counts 0.5).
    static func overlap(terms: [String], keywords: Set<String>) -> Double {
        terms.reduce(0) { total, term in
            let words = term.split(separator: " ").map(String.init)
            guard !words.isEmpty else { return total }
            return total + Double(words.filter(keywords.contains).count) / Double(words.count)
        }
    }

    struct Match: Sendable, Equatable {
        var clip: LibraryClip
        var overlap: Double
        var matchedWords: [String]
        var isReuse: Bool
    }

    /// The best clip for a scene, preferring one not in `used`; nil when none shares a word with
    /// the terms.
    func best(terms: [String], sceneSeconds: Double, used: Set<String>) -> Match? {
        let termWords = Set(terms.flatMap { $0.split(separator: " ").map(String.init) })
        let ranked = clips.compactMap { clip -> (LibraryClip, Double)? in
            let score = Self.overlap(terms: terms, keywords: clip.keywordSet)
            return score > 0 ? (clip, score) : nil
        }.sorted { isRankedBefore($0, $1, sceneSeconds: sceneSeconds) }
        guard let chosen = ranked.first(where: { !used.contains($0.0.path) }) ?? ranked.first else { return nil }
        return Match(
            clip: chosen.0, overlap: chosen.1, matchedWords: chosen.0.keywordSet.intersection(termWords).sorted(),
            isReuse: used.contains(chosen.0.path))
    }

    /// Any clip not used yet, best orientation first (`visuals: clips` when nothing matched).
    func anyUnused(sceneSeconds: Double, used: Set<String>) -> LibraryClip? {
        clips.filter { !used.contains($0.path) }.map { ($0, 0.0) }
            .sorted { isRankedBefore($0, $1, sceneSeconds: sceneSeconds) }.first?.0
    }

    private func isRankedBefore(_ a: (LibraryClip, Double), _ b: (LibraryClip, Double), sceneSeconds: Double) -> Bool {
        if a.1 != b.1 { return a.1 > b.1 }
        let orientation: (LibraryClip) -> Int = {
            switch $0.orientation {
            case .portrait: 2
            case .square: 1
            default: 0
            }
        }
        if orientation(a.0) != orientation(b.0) { return orientation(a.0) > orientation(b.0) }
        let covers: (LibraryClip) -> Bool = { ($0.durationSeconds ?? 0) >= sceneSeconds * SceneClip.slowestSpeed }
        if covers(a.0) != covers(b.0) { return covers(a.0) }
        let pixels: (LibraryClip) -> Int = { min(($0.width ?? 0) * ($0.height ?? 0), 1080 * 1920) }
        if pixels(a.0) != pixels(b.0) { return pixels(a.0) > pixels(b.0) }
        return a.0.path < b.0.path
    }
}
