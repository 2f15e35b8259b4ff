import Foundation
import HeadlessChromium
import LocalProviderServer
import Reelsmith
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// The clips `reelsmith bench render --clips` renders from (issue 9): five generated clips of one
/// size, encoded as phone footage is (H.264 High, yuv420p, 30 fps, with B-frames), long enough
/// that no scene loops. `testsrc2` scrolled, so every frame changes and the encoder spends bits
/// as on real footage; still, real clips (grain, higher bitrates) decode somewhat slower.
enum BenchmarkClips {
    package static func make(
        count: Int, width: Int, height: Int, seconds: Double, in folder: URL, ffmpeg: String
    ) async throws -> [SceneClip] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let first = folder.appendingPathComponent("clip-\(width)x\(height)-1.mp4")
        // One encode, then copies: the decoder's cost is the same, and the set is made in a third of the time.
        try await ExternalTool(executable: ffmpeg).run([
            "-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-f", "lavfi",
            "-i", "testsrc2=s=\(width)x\(height):r=30:d=\(seconds)", "-vf", "scroll=h=0.004:v=0.002",
            "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "high", "-pix_fmt", "yuv420p",
            "-b:v", width * height >= 3840 * 2160 ? "40M" : "12M", first.path,
        ])
        var clips = [SceneClip(path: first.path, durationSeconds: seconds)]
        for index in 2...max(2, count) where index <= count {
            let copy = folder.appendingPathComponent("clip-\(width)x\(height)-\(index).mp4")
            try? FileManager.default.removeItem(at: copy)
            try FileManager.default.copyItem(at: first, to: copy)
            clips.append(SceneClip(path: copy.path, durationSeconds: seconds))
        }
        return clips
    }
}
