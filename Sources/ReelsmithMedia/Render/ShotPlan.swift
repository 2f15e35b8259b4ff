import ReelsmithCore

/// Where the picture changes (issue 21): each scene cut into shots of at most
/// ``RenderSettings/shotSeconds`` and at least ``RenderSettings/minimumShotSeconds``, the cuts on
/// the voice's word starts, at a sentence end or a phrase break where one is near. Creators cut
/// every 2–4 s; one still per 8–10 s scene reads as a slideshow.
package struct ShotPlan: Sendable, Equatable {
    package struct Shot: Sendable, Equatable {
        /// 0-based scene.
        package var scene: Int
        /// 0-based position of the shot in its scene.
        package var beat: Int
        /// How many shots the scene has.
        package var beats: Int
        package var startSeconds: Double
    }

    package var shots: [Shot]

    /// - Parameters:
    ///   - words: the voice's words (their `scene` is 1-based), in time order.
    ///   - sceneStarts: when each scene starts (the first at 0).
    package init(
        words: [WordTiming], sceneStarts: [Double], durationSeconds: Double, longestSeconds: Double,
        shortestSeconds: Double
    ) {
        var shots: [Shot] = []
        for (scene, start) in sceneStarts.enumerated() {
            let end = scene + 1 < sceneStarts.count ? sceneStarts[scene + 1] : durationSeconds
            let cuts = Self.cuts(
                from: start, to: end, words: words.filter { $0.scene == scene + 1 }, longest: longestSeconds,
                shortest: shortestSeconds)
            let starts = [start] + cuts
            for (beat, shotStart) in starts.enumerated() {
                shots.append(Shot(scene: scene, beat: beat, beats: starts.count, startSeconds: shotStart))
            }
        }
        self.shots = shots
    }

    /// How many shots a scene of `seconds` (estimated from its words) is expected to have: one per
    /// `shotSeconds`, with a quarter to spare (the real voice may be slower), 1 to 12. The title
    /// cards' beats and a stock scene's clips are counted so.
    package static func expectedShots(seconds: Double, shotSeconds: Double) -> Int {
        guard seconds.isFinite, seconds > 0, shotSeconds.isFinite, shotSeconds > 0 else { return 1 }
        return Int(min(12, max(1, (seconds * 1.25 / max(1, shotSeconds)).rounded(.up))))
    }

    /// The shots' start times, in order.
    package var starts: [Double] { shots.map(\.startSeconds) }

    /// Where one scene is cut: shots as even as the words allow, each cut on a word start, one
    /// after a sentence end (weight 2) or a phrase break (1) preferred within about a second.
    static func cuts(from start: Double, to end: Double, words: [WordTiming], longest: Double, shortest: Double)
        -> [Double]
    {
        guard end - start > longest, longest > shortest else { return [] }
        // A word start with the strength of the break before it.
        var candidates: [(time: Double, weight: Double)] = []
        for (index, word) in words.enumerated() where index > 0 {
            let previous = words[index - 1].text
            let weight: Double =
                previous.last.map { ".!?…".contains($0) } == true
                ? 2 : previous.last.map { ",;:—–".contains($0) } == true ? 1 : 0
            candidates.append((word.start, weight))
        }
        var cuts: [Double] = []
        var position = start
        while end - position > longest {
            let remaining = end - position
            let shotsLeft = (remaining / longest).rounded(.up)
            let ideal = position + remaining / shotsLeft
            let window = candidates.filter {
                $0.time >= position + shortest && $0.time <= position + longest && end - $0.time >= shortest
            }
            let cut =
                window.max { score($0, ideal) < score($1, ideal) }?.time
                ?? min(position + longest, max(position + shortest, ideal))
            cuts.append(cut)
            position = cut
        }
        return cuts
    }

    /// A break is worth about 0.6 s (phrase) or 1.2 s (sentence) of distance from the even cut.
    private static func score(_ candidate: (time: Double, weight: Double), _ ideal: Double) -> Double {
        candidate.weight * 0.6 - abs(candidate.time - ideal)
    }
}
