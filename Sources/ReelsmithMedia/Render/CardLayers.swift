import Foundation
import ReelsmithCore

/// A title card in two layers (issue 21): its background moves slowly on its own while its text
/// stands still, as a creator's kinetic cards do; the whole card moving (a zoom or pan of the
/// finished picture) made the text swim and cost the encoder a new picture every frame.
///
/// The images stage writes, beside each card picture, one file of both layers stacked: on top the
/// niche's gradient, ``extraRows(height:)`` taller than the video; below it the text, accent plate
/// and emoji on a transparent ground. The render drifts the gradient by cropping it at two key
/// positions (the first and the last frame of the shot), lays the still text over each key, and
/// lets `framerate` blend the frames between: a linear gradient blended between two offsets *is*
/// the gradient at the offset between, so the drift is exact and even with no per-frame scaling,
/// and the text, identical in both keys, does not move at all.
package enum CardLayers {
    /// Where a card picture's layers are, relative to the staging folder: `images/01-beat2.png` →
    /// `work/cards/01-beat2.png`.
    package static func file(forPicture picture: String) -> String {
        "work/cards/" + (picture.split(separator: "/").last.map(String.init) ?? picture)
    }

    /// The layers files on disk for a plan's stills, by input index: shots of a card picture shown
    /// whole (a clip, or a closer framing of a still, keeps its own chain). A job made before
    /// cards had layers simply has none, and its cards move whole as they did.
    package static func present(in plan: RenderPlan, staging: URL) -> [Int: String] {
        var found: [Int: String] = [:]
        for (index, image) in plan.images.enumerated()
        where plan.clips[index] == nil && (plan.framings[index] ?? .whole) == .whole {
            let layers = file(forPicture: image)
            if FileManager.default.fileExists(atPath: staging.appendingPathComponent(layers).path) {
                found[index] = layers
            }
        }
        return found
    }

    /// Rows of gradient beyond the picture's height: the room the background drifts in, a sixth of
    /// it, so a layers file is 13/6 of its picture's height whatever that is (the render reads the
    /// layers by proportion, and scales them to its own size).
    package static func extraRows(height: Int) -> Int { max(1, height / 6) }

    /// The filters after `[input:v]` (the stacked layers) that give exactly `frames` frames of the
    /// card, its background drifting with `motion` (up for zooms in and pans right, down for the
    /// others) at four times ``RenderSettings/motionStrength`` of the height per
    /// ``SceneMotion/referenceSeconds``. `label` keeps the inner pads of this shot apart.
    static func filterChain(frames: Int, motion: SceneMotion, settings: RenderSettings, label: String) -> String {
        let width = settings.width
        let height = settings.height
        let fps = settings.framesPerSecond
        let extra = extraRows(height: height)
        let seconds = Double(frames) / Double(fps)
        let drift = min(
            extra,
            Int(
                (4 * settings.motionStrength * Double(height) * min(1, seconds / SceneMotion.referenceSeconds))
                    .rounded()))
        // The picture is 6/13 of the file's height, its gradient the 7/13 above it.
        let background =
            "[\(label)bg]crop=iw:trunc(ih*7/13):0:0,scale=\(width):\(height + extra):flags=bicubic,format=yuv444p"
        let text =
            "[\(label)text]crop=iw:trunc(ih*6/13):0:trunc(ih*7/13),scale=\(width):\(height):flags=bicubic,format=yuva444p"
        let split = "format=rgba,split=2[\(label)bg][\(label)text];"
        guard motion != .still, frames >= 2, drift >= 1 else {
            return split + background + ",crop=\(width):\(height):0:0[\(label)still];" + text + "[\(label)words];"
                + "[\(label)still][\(label)words]overlay=format=yuv444,format=yuv420p,"
                + "loop=loop=\(max(0, frames - 1)):size=1:start=0,setpts=N/(\(fps)*TB)"
        }
        // Key 0 (n = 0) and key 1 (n = 1), at the shot's first and last frame, in a time base of 1/fps.
        let offset = motion == .zoomIn || motion == .panRight ? "\(drift)*n" : "\(drift)*(1-n)"
        let keys = "loop=loop=1:size=1:start=0,settb=1/\(fps),setpts=N*\(frames - 1)"
        return split + background + ",\(keys),crop=\(width):\(height):x=0:y=\(offset):exact=1"
            + "[\(label)keys];" + text + ",\(keys)[\(label)words];"
            + "[\(label)keys][\(label)words]overlay=format=yuv444,format=yuv420p,"
            + "framerate=fps=\(fps):interp_start=0:interp_end=255:scene=100,settb=1/\(fps),trim=end_frame=\(frames)"
    }
}
