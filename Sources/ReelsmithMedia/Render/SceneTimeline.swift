import ReelsmithCore

/// The render's timeline in whole frames: which output frames each scene's still covers, and the
/// crossfades centred on the scene changes. Counting frames (not seconds) makes every scene's
/// motion chain, trim and crossfade add up to exactly the video's frames.
///
/// Only the changes listed in `fadedChanges` crossfade; the others are hard cuts (issue 21: a
/// shot's picture changes every few seconds, and a crossfade on each of those cuts cost about
/// 0.4 s CPU apiece — 12 blended frames through `xfade` and a hard-to-predict run for the encoder —
/// where a hard cut costs next to nothing).
package struct SceneTimeline: Sendable, Equatable {
    /// Each scene's frames in the output, overlapping a crossfaded neighbour's by ``crossfadeFrames``.
    package var scenes: [Range<Int>]
    /// Frames of each crossfade: even, and 0 when the scenes are too short for one.
    package var crossfadeFrames: Int
    var totalFrames: Int
    /// The scene changes that crossfade, by the index of the scene they lead into (1…).
    package var fadedChanges: Set<Int>

    /// A part of one scene's frames, counted from the scene's first frame: `head` and `tail` go
    /// into the crossfades with the scenes before and after, `body` is shown as is.
    package struct Piece: Sendable, Equatable {
        package var label: String
        package var frames: Range<Int>
    }

    /// - Parameter fadedChanges: the changes that crossfade, by the scene they lead into; nil: all.
    package init(
        sceneStarts: [Double], durationSeconds: Double, crossfadeSeconds: Double, framesPerSecond: Int,
        fadedChanges: Set<Int>? = nil
    ) {
        let fps = Double(framesPerSecond)
        let total = max(1, Int((durationSeconds * fps).rounded(.up)))
        let changes = sceneStarts.dropFirst().map { min(total, Int(($0 * fps).rounded())) }
        let faded = (fadedChanges ?? Set(sceneStarts.indices)).filter { $0 > 0 && $0 < sceneStarts.count }
        // Each scene keeps at least one frame of its own between its crossfades.
        let bounds = [0] + changes + [total]
        var fade = Int((crossfadeSeconds * fps / 2).rounded()) * 2
        while fade > 0,
            zip(bounds, bounds.dropFirst()).enumerated().contains(where: { index, pair in
                let shared =
                    (faded.contains(index) ? fade / 2 : 0) + (faded.contains(index + 1) ? fade / 2 : 0)
                return pair.1 - pair.0 - shared < 1
            })
        {
            fade -= 2
        }
        totalFrames = total
        crossfadeFrames = fade
        self.fadedChanges = faded
        scenes = sceneStarts.indices.map { index in
            let first = faded.contains(index) ? bounds[index] - fade / 2 : bounds[index]
            let end =
                index + 1 < sceneStarts.count && faded.contains(index + 1)
                ? bounds[index + 1] + fade / 2 : bounds[index + 1]
            return first..<max(first + 1, end)
        }
    }

    /// Whether scene `index` crossfades from the one before it.
    package func fadesIn(_ index: Int) -> Bool { crossfadeFrames > 0 && fadedChanges.contains(index) }

    /// The head, body and tail of a scene (head only after a crossfade, tail only before one).
    package func pieces(ofScene index: Int) -> [Piece] {
        let count = scenes[index].count
        let head = fadesIn(index) ? crossfadeFrames : 0
        let tail = index + 1 < scenes.count && fadesIn(index + 1) ? crossfadeFrames : 0
        var pieces: [Piece] = []
        if head > 0 { pieces.append(Piece(label: "head", frames: 0..<head)) }
        pieces.append(Piece(label: "body", frames: head..<(count - tail)))
        if tail > 0 { pieces.append(Piece(label: "tail", frames: (count - tail)..<count)) }
        return pieces
    }
}
