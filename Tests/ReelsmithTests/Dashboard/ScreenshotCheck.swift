import Foundation

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

/// What a screenshot holds, measured with ffmpeg: its size and how much its grey levels vary
/// (a blank page is one flat colour).
struct ScreenshotCheck {
    var width: Int
    var height: Int
    /// Distinct grey levels over a 160-pixel-wide copy.
    var distinctLevels: Int
    /// Standard deviation of the grey levels, 0…255.
    var deviation: Double

    /// Where the tests leave their screenshots for a person (and CI) to look at.
    static var artifacts: URL {
        let folder =
            ProcessInfo.processInfo.environment["REELSMITH_TEST_ARTIFACTS"].map { URL(fileURLWithPath: $0) }
            ?? TestSupport.packageRoot.appendingPathComponent(".build/test-artifacts")
        return folder.appendingPathComponent("dashboard")
    }

    static func of(_ png: Data, savedAs name: String) throws -> ScreenshotCheck {
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        let file = artifacts.appendingPathComponent(name)
        try png.write(to: file)
        let probe = try TestSupport.run(
            "ffprobe",
            [
                "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height", "-of", "csv=p=0",
                file.path,
            ])
        let size = probe.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",").compactMap {
            Int($0)
        }
        let raw = file.deletingPathExtension().appendingPathExtension("gray")
        defer { try? FileManager.default.removeItem(at: raw) }
        let converted = try TestSupport.run(
            Tools().ffmpeg,
            [
                "-hide_banner", "-loglevel", "error", "-y", "-i", file.path, "-vf", "scale=160:-1,format=gray", "-f",
                "rawvideo", raw.path,
            ])
        guard converted.status == 0, size.count == 2 else {
            throw HeadlessChromium.Failure(description: converted.stderr)
        }
        let levels = [UInt8](try Data(contentsOf: raw))
        let mean = levels.reduce(0.0) { $0 + Double($1) } / Double(max(1, levels.count))
        let variance =
            levels.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(max(1, levels.count))
        return ScreenshotCheck(
            width: size[0], height: size[1], distinctLevels: Set(levels).count, deviation: variance.squareRoot())
    }
}
