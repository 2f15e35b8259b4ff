import Foundation
import HeadlessChromium
import LocalProviderServer
import Reelsmith
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// How evenly a rendered video moves (issue 14): the mean absolute difference between consecutive
/// grey frames over a band of the picture (`crop=1080:600:0:300`, where the title card's text sits),
/// measured by ffmpeg (`tblend=all_mode=difference,signalstats`, `YAVG` per frame) on the real output.
/// A smooth motion changes every frame by about the same amount; a stutter is mostly frozen frames
/// (a difference near 0, encoder noise is about 0.003) with a jump now and then.
package struct MotionSmoothness: Sendable, Equatable {
    /// Frame-to-frame mean absolute differences, on 0…255.
    package var differences: [Double]

    /// A difference below this is a frozen frame: well above encoder noise (≈ 0.003), well below a
    /// one-pixel move of the picture (≈ 0.3).
    package static let frozenThreshold = 0.02

    package init(differences: [Double]) {
        self.differences = differences
    }

    /// The share of frames that do not move, 0…1.
    package var frozenShare: Double {
        guard !differences.isEmpty else { return 1 }
        return Double(differences.filter { $0 < Self.frozenThreshold }.count) / Double(differences.count)
    }

    package var medianDifference: Double {
        let sorted = differences.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }

    /// The largest frame-to-frame difference over the median one: 1 for an even motion, large for
    /// a jump; infinite when most frames are frozen.
    package var largestJumpOverMedian: Double {
        guard let largest = differences.max() else { return .infinity }
        let median = medianDifference
        return median > 0 ? largest / median : (largest > 0 ? .infinity : 1)
    }

    /// ffmpeg's arguments measuring `seconds` of `video` from `startSeconds`; the values are printed
    /// on stdout as `lavfi.signalstats.YAVG=…` lines.
    package static func arguments(video: String, fromSeconds startSeconds: Double, seconds: Double) -> [String] {
        [
            "-hide_banner", "-nostdin", "-loglevel", "error", "-ss", String(format: "%.3f", startSeconds),
            "-t", String(format: "%.3f", seconds), "-i", video, "-an", "-vf",
            "crop=1080:600:0:300,format=gray,tblend=all_mode=difference,signalstats,"
                + "metadata=print:key=lavfi.signalstats.YAVG:file=-",
            "-f", "null", "-",
        ]
    }

    package static func differences(fromMetadata output: String) -> [Double] {
        output.split(separator: "\n").compactMap { line in
            guard let range = line.range(of: "lavfi.signalstats.YAVG=") else { return nil }
            return Double(line[range.upperBound...].trimmingCharacters(in: .whitespaces))
        }
    }

    /// Measures `seconds` (2 by default) of `video` from `startSeconds`.
    package static func measure(
        video: URL, fromSeconds startSeconds: Double, seconds: Double = 2, ffmpeg: String = "ffmpeg"
    ) async throws -> MotionSmoothness {
        let output = try await ExternalTool(executable: ffmpeg).run(
            arguments(video: video.path, fromSeconds: startSeconds, seconds: seconds))
        return MotionSmoothness(differences: differences(fromMetadata: output.stdout))
    }
}
