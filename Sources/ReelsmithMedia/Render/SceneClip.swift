import Foundation
import ReelsmithCore

/// A video clip that fills one scene of the render (issue 9): trimmed to the scene, looped or
/// slowed (by at most 20 %) when too short, cropped and scaled to fill the frame, at the video's
/// frame rate, without its own sound and without the stills' motion.
///
/// Decoding is the cost of a clip scene (a 4K H.264 clip decodes at a few times realtime on 2
/// cores, and libavcodec's H.264 decoder has no decode-side downscaling), so the chain does the
/// least work per decoded frame: the input is cut with `-t` before any filter (only the scene's
/// seconds are read), `fps` drops surplus frames first, and the crop to 9:16 happens at the
/// source's size (a pointer offset) so `scale` only resizes the pixels that are kept.
///
/// Phone footage is filled as it is shown, not as it is stored: the crop is measured in display
/// pixels (an anamorphic clip's pixels are not square), a rotated clip is turned upright by
/// ffmpeg before the chain (its display matrix), and an HDR clip (HLG, PQ) is tone-mapped to SDR
/// BT.709 (``ClipColour/toneMapFilters``) at the smaller of its crop and the output size.
package struct SceneClip: Sendable, Codable, Equatable {
    /// The clip's absolute path (a library file or a cached download).
    package var path: String
    /// The clip's own length in seconds.
    package var durationSeconds: Double
    /// How the picture is coded (from ``ClipProbe``, just before the render); nil: taken as SDR.
    package var colour: ClipColour?
    /// The displayed size (``ClipProbe/width``) and the pixels' aspect, to place the tone map.
    var displayWidth: Int?
    var displayHeight: Int?
    package var sampleAspect: Double?
    /// Where in the clip the shot starts (issue 21): a clip shown again in the same video goes on
    /// from where it stopped instead of repeating its first seconds.
    package var startSeconds = 0.0

    package init(path: String, durationSeconds: Double, probe: ClipProbe? = nil) {
        self.path = path
        self.durationSeconds = durationSeconds
        if let probe {
            colour = probe.colour
            displayWidth = probe.width
            displayHeight = probe.height
            sampleAspect = probe.sampleAspect
        }
    }

    /// A clip at most this much shorter than its scene is slowed down instead of looped (0.8×
    /// speed at the most: a fifth slower).
    package static let slowestSpeed = 0.8

    /// How the clip covers `sceneSeconds`: played as is, slowed by `factor` (timestamps × factor),
    /// or looped.
    package enum Fit: Equatable {
        case asIs
        case slowed(factor: Double)
        case looped
    }

    package func fit(sceneSeconds: Double) -> Fit {
        let available = durationSeconds - startSeconds
        if available >= sceneSeconds { return .asIs }
        if available * (1 / Self.slowestSpeed) >= sceneSeconds {
            return .slowed(factor: sceneSeconds / available)
        }
        return .looped
    }

    /// The input options and file for ffmpeg: only the scene's seconds are read, no audio,
    /// subtitles or data streams; `file:` keeps a name with a colon from being read as a protocol.
    func inputArguments(sceneSeconds: Double) -> [String] {
        let margin = 0.25
        let seek = startSeconds > 0 ? ["-ss", Self.seconds(startSeconds)] : []
        let input = seek + Self.demuxerArguments(path) + ["-i", "file:" + path]
        switch fit(sceneSeconds: sceneSeconds) {
        case .asIs:
            return ["-an", "-sn", "-dn", "-t", Self.seconds(sceneSeconds + margin)] + input
        case .slowed:
            return ["-an", "-sn", "-dn"] + input
        case .looped:
            return ["-an", "-sn", "-dn", "-stream_loop", "-1", "-t", Self.seconds(sceneSeconds + margin)] + input
        }
    }

    /// The demuxer named by the file's extension. Clips come from a synced folder or a download:
    /// left to probing, a file named `.mp4` holding a playlist (HLS, concat) would make ffmpeg
    /// open the addresses or local files it lists, and could show a local file in the video.
    static func demuxerArguments(_ path: String) -> [String] {
        switch (path as NSString).pathExtension.lowercased() {
        case "mp4", "mov", "m4v": ["-f", "mov"]
        case "mkv", "webm": ["-f", "matroska"]
        case "avi": ["-f", "avi"]
        default: []
        }
    }

    /// The filters after `[input:v]` that give exactly `frames` frames of the output size, yuv420p,
    /// with a time base of 1/fps.
    func filterChain(frames: Int, settings: RenderSettings) -> String {
        let width = settings.width
        let height = settings.height
        let fps = settings.framesPerSecond
        let sceneSeconds = Double(frames) / Double(fps)
        var chain: [String] = []
        if case .slowed(let factor) = fit(sceneSeconds: sceneSeconds) {
            chain.append("setpts=(PTS-STARTPTS)*\(String(format: "%.5f", factor))")
        }
        chain += [
            "fps=\(fps)",
            // The largest 9:16 window of the picture as displayed (`sar`: the width of a stored
            // pixel over its height), centred, in even stored sizes; then scaled to fill.
            "crop=w='trunc(min(iw,ih*\(width)/\(height)/sar)/2)*2':h='trunc(min(ih,iw*sar*\(height)/\(width))/2)*2'",
        ]
        // Tone mapping works in floating point on every pixel: it runs on the fewer of the
        // cropped source's pixels (a 1080p landscape clip keeps 606×1080) and the output's.
        let toneMap = colour?.toneMapFilters
        let toneMapFirst = toneMap != nil && cropPixels(width: width, height: height) < Double(width * height)
        if let toneMap, toneMapFirst { chain.append(toneMap) }
        chain.append("scale=\(width):\(height):flags=bilinear")
        chain.append(toneMap.flatMap { toneMapFirst ? nil : $0 } ?? "format=yuv420p")
        chain += [
            // A clip a frame or two short (rounding, a damaged end) repeats its last frame.
            "tpad=stop_mode=clone:stop=\(frames)",
            "trim=end_frame=\(frames)",
            "setpts=N/(\(fps)*TB)",
        ]
        return chain.joined(separator: ",")
    }

    /// The stored pixels the crop keeps, from the probed display size (infinite when unknown).
    func cropPixels(width: Int, height: Int) -> Double {
        guard let displayWidth, let displayHeight, displayWidth > 0, displayHeight > 0 else { return .infinity }
        let target = Double(width) / Double(height)
        let cropWidth = min(Double(displayWidth), Double(displayHeight) * target)
        let cropHeight = min(Double(displayHeight), Double(displayWidth) / target)
        return cropWidth * cropHeight / (sampleAspect ?? 1)
    }

    private static func seconds(_ value: Double) -> String { String(format: "%.3f", value) }
}
