import ReelsmithCore

/// What each shot shows (issue 21), chosen so that consecutive shots never show the same clip or
/// picture while another is available: a scene's clips in turn (the least used first, never the
/// previous shot's, and not the next scene's own clip), else its pictures (a title card's beats,
/// the phrase revealed as it is spoken), else closer framings of its one picture.
package struct ShotList: Sendable, Equatable {
    /// What one scene offers.
    package struct SceneVisuals: Sendable, Equatable {
        /// Pictures, relative to the staging folder, in reveal order (a card's beats, the full card last).
        package var pictures: [String]
        /// Clips, best first; the first is the scene's own. Empty: the scene shows its pictures.
        package var clips: [SceneClip]

        package init(pictures: [String], clips: [SceneClip] = []) {
            self.pictures = pictures
            self.clips = clips
        }
    }

    /// One input per shot, in order.
    package var images: [String] = []
    package var starts: [Double] = []
    package var clips: [Int: SceneClip] = [:]
    package var framings: [Int: StillFraming] = [:]
    /// The shots that open a scene (all but the first): the render crossfades into these only,
    /// and cuts between a scene's own shots.
    package var sceneOpenings: Set<Int> = []

    package init(plan: ShotPlan, scenes: [SceneVisuals], durationSeconds: Double) {
        var previousClip: String?
        var usedSeconds: [String: Double] = [:]
        var uses: [String: Int] = [:]
        for (position, shot) in plan.shots.enumerated() {
            let visuals = scenes[min(shot.scene, scenes.count - 1)]
            let end = position + 1 < plan.shots.count ? plan.shots[position + 1].startSeconds : durationSeconds
            let seconds = max(0, end - shot.startSeconds)
            starts.append(shot.startSeconds)
            if shot.beat == 0, position > 0 { sceneOpenings.insert(position) }
            images.append(visuals.pictures.last ?? "")
            guard !visuals.clips.isEmpty else {
                previousClip = nil
                let (picture, framing) = Self.still(beat: shot.beat, of: shot.beats, pictures: visuals.pictures)
                if let picture { images[position] = picture }
                if framing != .whole { framings[position] = framing }
                continue
            }
            let nextSceneClip = shot.scene + 1 < scenes.count ? scenes[shot.scene + 1].clips.first?.path : nil
            var clip = visuals.clips[0]
            if shot.beat > 0 {
                let ranked = visuals.clips.enumerated().filter { $0.element.path != previousClip }
                let preferred = ranked.filter { $0.element.path != nextSceneClip }
                let pool = preferred.isEmpty ? ranked : preferred
                if let best = pool.min(by: {
                    (uses[$0.element.path, default: 0], $0.offset) < (uses[$1.element.path, default: 0], $1.offset)
                }) {
                    clip = best.element
                }
            }
            // A clip shown again continues where it stopped, when it has the seconds left.
            let used = usedSeconds[clip.path, default: 0]
            if used > 0, clip.durationSeconds - used >= seconds { clip.startSeconds = used }
            usedSeconds[clip.path] = clip.startSeconds + seconds
            uses[clip.path, default: 0] += 1
            previousClip = clip.path
            clips[position] = clip
        }
    }

    /// The picture and framing of beat `beat` of `beats` on a still scene: the last `beats`
    /// pictures in order while there are enough; else all, then the last two in turn; one picture:
    /// framings.
    static func still(beat: Int, of beats: Int, pictures: [String]) -> (String?, StillFraming) {
        let count = pictures.count
        guard count > 1 else {
            let cycle = StillFraming.allCases
            return (pictures.first, cycle[beat % cycle.count])
        }
        let index: Int
        if count >= beats {
            // The last `beats` pictures: consecutive beats differ most (a card's background turns
            // with each), and the phrase is whole on the last.
            index = count - beats + beat
        } else {
            index = beat < count ? beat : count - 1 - (beat - count + 1) % 2
        }
        return (pictures[index], .whole)
    }
}
