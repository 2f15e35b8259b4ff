import ReelsmithCore

/// The motion of one still over its scene, and the filters that make it (issue 14).
///
/// Every frame must move, evenly, yet a slow zoom grows the picture by a fraction of a pixel per
/// frame (6 % over 9 s is 0.24 px), and ffmpeg's `scale` and `crop` only know whole pixels: scaling
/// each frame to a whole size froze 88 % of the frames and jumped on the others. So the still is
/// drawn at a few *key positions* one pixel apart (zoom: the width grows by 2 px, 1 px a side;
/// pan: the window moves by 1 px over the picture scaled once), spread evenly over the scene, and
/// `framerate` blends each output frame from the two key positions around it. Blending two
/// pictures one pixel apart is what a bilinear subpixel shift computes, so the motion is
/// continuous; and only the key positions (about 30–70 a scene instead of 250–400 frames) are
/// scaled or cropped. Measured against `perspective` (subpixel, 2.5× the CPU of the old zoom) and
/// `zoompan` fed one frame at twice the size (whole input pixels, still jumps): README, "Performance".
package enum SceneMotion: String, Sendable, Equatable, CaseIterable {
    case zoomIn = "zoom in"
    case zoomOut = "zoom out"
    case panLeft = "pan left"
    case panRight = "pan right"
    case still

    /// The length over which a still travels ``RenderSettings/motionStrength`` of the width; a
    /// shorter shot travels its share of it.
    static let referenceSeconds = 8.0

    /// The filters after `[input:v]` that give exactly `frames` frames of `width`×`height` yuv420p.
    /// `strength` is how far the picture moves over ``referenceSeconds``, as a share of its width: a
    /// zoom grows it by that share, a pan travels that share of the width over the picture enlarged by it.
    func filterChain(frames: Int, settings: RenderSettings) -> String {
        let width = settings.width
        let height = settings.height
        let fps = settings.framesPerSecond
        // A shot moves at the speed a scene of ``referenceSeconds`` had: the same motion per second
        // and the same cost per second of video however often the picture changes (issue 21: the
        // keys of three times as many full-strength shots cost 1.4 s CPU per added shot).
        let seconds = Double(frames) / Double(fps)
        let travel = Int((settings.motionStrength * Double(width) * min(1, seconds / Self.referenceSeconds)).rounded())
        guard self != .still, frames >= 2, travel >= 1 else {
            return "format=yuv420p,loop=loop=\(max(0, frames - 1)):size=1:start=0,setpts=N/(\(fps)*TB)"
        }
        let position: String
        let keys: Int
        let enlarged = "\(width + travel):\(Self.height(forWidth: width + travel, settings: settings))"
        var prefix = ""
        switch self {
        case .zoomIn, .zoomOut:
            // Key k is the picture 2k px wider (1 px a side), cropped at its centre. The offsets are
            // spelt out: `crop` keeps the input size it saw first when `scale` changes it per frame,
            // so its default centre (and any filter between the two) would go stale. The crop runs
            // in 4:4:4 so an odd offset moves the colours with the light.
            keys = min(frames, max(2, travel / 2 + 1))
            let step = self == .zoomIn ? "n" : "(\(keys - 1)-n)"
            position =
                "scale=w=\(width)+2*\(step):h=\(height)+2*\(step)*\(height)/\(width):eval=frame:flags=bicubic,"
                + "crop=\(width):\(height):x=\(step):y=trunc(\(step)*\(height)/\(width)):exact=1,format=yuv444p"
        case .panLeft, .panRight:
            // Scaled once; key k is the window k px along (more when the scene has fewer frames).
            keys = min(frames, travel + 1)
            let step = self == .panRight ? "n" : "(\(keys - 1)-n)"
            prefix = "scale=\(enlarged):flags=bicubic,format=yuv444p,"
            position = "crop=\(width):\(height):x=trunc(\(step)*\(travel)/\(keys - 1)):y=(ih-\(height))/2:exact=1"
        case .still:
            preconditionFailure("handled above")
        }
        // Key k sits at frame k·(frames−1)/(keys−1), exactly, in a time base of 1/(fps·(keys−1)).
        return prefix
            + "loop=loop=\(keys - 1):size=1:start=0,settb=1/\(fps * (keys - 1)),setpts=N*\(frames - 1),"
            + position + ",format=yuv420p,"
            + "framerate=fps=\(fps):interp_start=0:interp_end=255:scene=100,settb=1/\(fps),trim=end_frame=\(frames)"
    }

    private static func height(forWidth width: Int, settings: RenderSettings) -> Int {
        Int((Double(width) * Double(settings.height) / Double(settings.width)).rounded())
    }
}

extension Motion {
    /// The motion of each scene, in order.
    package func sceneMotions(count: Int) -> [SceneMotion] {
        let cycle: [SceneMotion] =
            switch self {
            case .zoom: [.zoomIn, .zoomOut]
            case .pan: [.panLeft, .panRight]
            case .mixed: [.zoomIn, .zoomOut, .panLeft, .panRight]
            case .none: [.still]
            }
        return (0..<max(0, count)).map { cycle[$0 % cycle.count] }
    }
}
