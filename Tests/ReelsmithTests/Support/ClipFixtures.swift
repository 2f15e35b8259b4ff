import Foundation

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

/// Small generated clips for the clips tests (issue 9), made by real ffmpeg, and measurements of
/// rendered frames: the dominant colour of a region, and how much two frames differ.
enum ClipFixtures {
    /// The colours a clip is tinted with: which RGB channels are lit.
    enum Tint: String, CaseIterable {
        case red, green, blue, yellow, cyan, magenta

        var channels: (r: Int, g: Int, b: Int) {
            switch self {
            case .red: (1, 0, 0)
            case .green: (0, 1, 0)
            case .blue: (0, 0, 1)
            case .yellow: (1, 1, 0)
            case .cyan: (0, 1, 1)
            case .magenta: (1, 0, 1)
            }
        }

        var hex: String {
            let c = channels
            return String(format: "0x%02x%02x%02x", c.r * 255, c.g * 255, c.b * 255)
        }
    }

    /// A moving clip (testsrc2, scrolling, so every frame differs) tinted to one colour: the
    /// other channels are dropped. With `audio`, a sine tone rides along (the render must drop it).
    @discardableResult
    static func movingClip(
        _ tint: Tint, width: Int, height: Int, seconds: Double, fps: Int = 30, audio: Bool = false, at url: URL
    ) throws -> URL {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Each lit channel carries the picture's grey (a third of each source channel), so its
        // patterns and their motion survive the tint.
        let c = tint.channels
        let w = (r: Double(c.r) / 3, g: Double(c.g) / 3, b: Double(c.b) / 3)
        var arguments = [
            "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
            "testsrc2=s=\(width)x\(height):r=\(fps):d=\(seconds)",
        ]
        if audio { arguments += ["-f", "lavfi", "-i", "sine=frequency=440:duration=\(seconds)"] }
        arguments += [
            "-vf",
            "scroll=h=0.013:v=0.007,colorchannelmixer=rr=\(w.r):rg=\(w.r):rb=\(w.r):gr=\(w.g):gg=\(w.g):gb=\(w.g):br=\(w.b):bg=\(w.b):bb=\(w.b)",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
        ]
        if audio { arguments += ["-c:a", "aac", "-shortest"] }
        arguments.append(url.path)
        let result = try TestSupport.run("ffmpeg", arguments)
        guard result.status == 0 else { throw FixtureError(message: result.stderr) }
        return url
    }

    /// A clip of one flat colour with a small moving box in its middle: its edges stay the colour,
    /// so black bars (a clip that does not fill the frame) show at the edges of the render.
    @discardableResult
    static func flatClip(_ tint: Tint, width: Int, height: Int, seconds: Double, at url: URL) throws -> URL {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let result = try TestSupport.run(
            "ffmpeg",
            [
                "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                "color=c=\(tint.hex):s=\(width)x\(height):r=30:d=\(seconds)",
                "-vf", "drawbox=x='(iw/4)+mod(t*200\\,iw/2)':y=ih/2-40:w=80:h=80:color=white:t=fill",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", url.path,
            ])
        guard result.status == 0 else { throw FixtureError(message: result.stderr) }
        return url
    }

    struct FixtureError: Error { var message: String }

    /// The mean RGB of a region of the frame at `seconds` (`crop` in ffmpeg's w:h:x:y).
    static func meanColour(of video: URL, at seconds: Double, crop: String = "540:540:270:690") throws -> (
        r: Double, g: Double, b: Double
    ) {
        let pixels = try frameBytes(video, at: seconds, filter: "crop=\(crop),scale=16:16:flags=area,format=rgb24")
        var sums = [0.0, 0.0, 0.0]
        for (index, byte) in pixels.enumerated() { sums[index % 3] += Double(byte) }
        let count = Double(pixels.count / 3)
        return (sums[0] / count, sums[1] / count, sums[2] / count)
    }

    /// The tint whose lit channels match the region's: a channel counts as lit over half the brightest.
    static func tint(of colour: (r: Double, g: Double, b: Double)) -> Tint? {
        let brightest = max(colour.r, colour.g, colour.b)
        guard brightest > 20 else { return nil }
        let lit = (colour.r > brightest / 2 ? 1 : 0, colour.g > brightest / 2 ? 1 : 0, colour.b > brightest / 2 ? 1 : 0)
        return Tint.allCases.first { $0.channels == lit }
    }

    /// Mean absolute difference of two frames (grey, 108×192), 0…255.
    static func difference(of video: URL, at first: Double, and second: Double) throws -> Double {
        let a = try frameBytes(video, at: first, filter: "scale=108:192,format=gray")
        let b = try frameBytes(video, at: second, filter: "scale=108:192,format=gray")
        guard a.count == b.count, !a.isEmpty else { return 0 }
        return zip(a, b).reduce(0.0) { $0 + abs(Double($1.0) - Double($1.1)) } / Double(a.count)
    }

    static func frameBytes(_ video: URL, at seconds: Double, filter: String) throws -> [UInt8] {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("frame-\(UUID().uuidString).raw")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try TestSupport.run(
            "ffmpeg",
            [
                "-hide_banner", "-loglevel", "error", "-y", "-ss", String(format: "%.3f", seconds), "-i", video.path,
                "-frames:v", "1", "-vf", filter, "-f", "rawvideo", output.path,
            ])
        guard result.status == 0 else { throw FixtureError(message: result.stderr) }
        return [UInt8](try Data(contentsOf: output))
    }

    /// A project whose templates are a copy of the repository's (scripts, lexicons, music), so a
    /// test can add `templates/assets/<niche>/` clips.
    static func workspaceWithOwnTemplates(_ name: String = #function) throws -> Workspace {
        var workspace = try TestSupport.makeWorkspace(name)
        let templates = workspace.inbox.deletingLastPathComponent().appendingPathComponent("templates")
        try FileManager.default.copyItem(at: TestSupport.templates, to: templates)
        workspace.templates = templates
        return workspace
    }

    static func assets(_ workspace: Workspace, _ folder: String) -> URL {
        workspace.templates.appendingPathComponent("assets").appendingPathComponent(folder)
    }
}
