import Foundation
import Synchronization

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

/// What the local server answers for the audio and image endpoints: real speech (espeak-ng's
/// command-line program in another voice, encoded to MP3 by ffmpeg) and real pictures, and a way
/// to read a published picture's pixels.
enum MediaFixtures {
    /// `text` said by espeak-ng (`voice`, `rate` words per minute) as an MP3. Synchronous: it runs
    /// inside the server's handler.
    static func speechMP3(_ text: String, voice: String = "en-us+f3", rate: Int = 190) throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reelsmith-speech-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let wav = folder.appendingPathComponent("speech.wav")
        let mp3 = folder.appendingPathComponent("speech.mp3")
        let textFile = folder.appendingPathComponent("text.txt")
        try Data(text.utf8).write(to: textFile)
        _ = try TestSupport.run("espeak-ng", ["-v", voice, "-s", String(rate), "-f", textFile.path, "-w", wav.path])
        _ = try TestSupport.run(
            "ffmpeg",
            ["-hide_banner", "-loglevel", "error", "-y", "-i", wav.path, "-c:a", "libmp3lame", "-b:a", "96k", mp3.path])
        return try Data(contentsOf: mp3)
    }

    /// A 1024×1536 portrait PNG as gpt-image-1 makes: red, a lime square in the middle (the
    /// subject) and blue bands 60 px wide at the left and right edges (cropped away at 9:16).
    static func portraitPicture(width: Int = 1024, height: Int = 1536) throws -> Data {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reelsmith-picture-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: file) }
        let box = 200
        _ = try TestSupport.run(
            "ffmpeg",
            [
                "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "color=c=red:s=\(width)x\(height)",
                "-vf",
                "drawbox=x=0:y=0:w=60:h=ih:color=blue:t=fill,drawbox=x=iw-60:y=0:w=60:h=ih:color=blue:t=fill,"
                    + "drawbox=x=\((width - box) / 2):y=\((height - box) / 2):w=\(box):h=\(box):color=lime:t=fill",
                "-frames:v", "1", file.path,
            ])
        return try Data(contentsOf: file)
    }

    /// The red, green and blue of one pixel of a picture.
    static func pixel(_ picture: URL, x: Int, y: Int) throws -> (red: Int, green: Int, blue: Int) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reelsmith-pixel-\(UUID().uuidString).rgb")
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try TestSupport.run(
            "ffmpeg",
            [
                "-hide_banner", "-loglevel", "error", "-y", "-i", picture.path, "-vf", "crop=1:1:\(x):\(y)",
                "-frames:v", "1",
                "-f", "rawvideo", "-pix_fmt", "rgb24", file.path,
            ])
        let bytes = [UInt8](try Data(contentsOf: file))
        return (Int(bytes[0]), Int(bytes[1]), Int(bytes[2]))
    }

    /// What a handler served, for the tests to compare with what was published.
    final class Served: Sendable {
        private let items = Mutex<[Data]>([])
        var all: [Data] { items.withLock { $0 } }
        func append(_ data: Data) { items.withLock { $0.append(data) } }
    }
}
