import ReelsmithCore

/// The render's timeline in whole frames: which output frames each scene's still covers, and the
/// crossfades centred on the scene changes. Counting frames (not seconds) makes every scene's
/// motion chain, trim and crossfade add up to exactly the video's frames.
package struct SceneTimeline: Sendable, Equatable {
    /// Each scene's frames in the output, overlapping the next scene's by ``crossfadeFrames``.
    package var scenes: [Range<Int>]
    /// Frames of each crossfade: even, and 0 when the scenes are too short for one.
    package var crossfadeFrames: Int
    var totalFrames: Int

    /// A part of one scene's frames, counted from the scene's first frame: `head` and `tail` go
    /// into the crossfades with the scenes before and after, `body` is shown as is.
    package struct Piece: Sendable, Equatable {
        package var label: String
        package var frames: Range<Int>
    }

    package init(sceneStarts: [Double], durationSeconds: Double, crossfadeSeconds: Double, framesPerSecond: Int) {
        let fps = Double(framesPerSecond)
        let total = max(1, Int((durationSeconds * fps).rounded(.up)))
        let changes = sceneStarts.dropFirst().map { min(total, Int(($0 * fps).rounded())) }
        // Each scene keeps at least one frame of its own between its crossfades.
        let bounds = [0] + changes + [total]
        var fade = Int((crossfadeSeconds * fps / 2).rounded()) * 2
        while fade > 0,
            zip(bounds, bounds.dropFirst()).enumerated().contains(where: { index, pair in
                let shared = (index > 0 ? fade / 2 : 0) + (index + 1 < bounds.count - 1 ? fade / 2 : 0)
                return pair.1 - pair.0 - shared < 1
            })
        {
            fade -= 2
        }
        totalFrames = total
        crossfadeFrames = fade
        scenes = sceneStarts.indices.map { index in
            let first = index == 0 ? 0 : bounds[index] - fade / 2
            let end = index + 1 < sceneStarts.count ? bounds[index + 1] + fade / 2 : bounds[index + 1]
            return first..<max(first + 1, end)
        }
    }

    /// The head, body and tail of a scene (head only after a crossfade, tail only before one).
    package func pieces(ofScene index: Int) -> [Piece] {
        let count = scenes[index].count
        let head = index > 0 ? crossfadeFrames : 0
        let tail = index + 1 < scenes.count ? crossfadeFrames : 0
        var pieces: [Piece] = []
        if head > 0 { pieces.append(Piece(label: "head", frames: 0..<head)) }
        pieces.append(Piece(label: "body", frames: head..<(count - tail)))
        if tail > 0 { pieces.append(Piece(label: "tail", frames: (count - tail)..<count)) }
        return pieces
    }
}
