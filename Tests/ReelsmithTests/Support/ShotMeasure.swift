import Foundation

@testable import ReelsmithMedia

/// Shots measured from a rendered video as a viewer sees them (issue 21), never read from the
/// plan: frames sampled every 0.1 s, small and grey, the caption band masked; a sample that differs
/// from the one before by much more than the motion does is a change, and changes closer than
/// 0.6 s (a crossfade's frames) count once, at their middle.
struct ShotMeasure {
    static let samplesPerSecond = 10.0
    static let width = 54
    static let height = 96
    /// Rows of the caption band (y 1180…1560 of 1920), left out.
    static let maskedRows = 59..<78

    var cuts: [Double]
    var durationSeconds: Double
    /// Each shot's middle sample (unmasked pixels), to compare neighbours.
    var middles: [[Double]]

    var lengths: [Double] {
        let bounds = [0] + cuts + [durationSeconds]
        return zip(bounds, bounds.dropFirst()).map { $1 - $0 }
    }
    var meanSeconds: Double { durationSeconds / Double(cuts.count + 1) }
    var longestSeconds: Double { lengths.max() ?? 0 }
    var shortestSeconds: Double { lengths.min() ?? 0 }

    /// The smallest mean difference between two consecutive shots' middles (0…255).
    var leastNeighbourDifference: Double {
        zip(middles, middles.dropFirst()).map { Self.difference($0, $1) }.min() ?? .infinity
    }

    static func of(_ video: URL, durationSeconds: Double) throws -> ShotMeasure {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("shots-\(UUID().uuidString).raw")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try TestSupport.run(
            "ffmpeg",
            [
                "-hide_banner", "-loglevel", "error", "-y", "-i", video.path, "-vf",
                "fps=\(Int(samplesPerSecond)),scale=\(width):\(height):flags=area,format=gray", "-f", "rawvideo",
                output.path,
            ])
        guard result.status == 0 else { throw ClipFixtures.FixtureError(message: result.stderr) }
        let bytes = [UInt8](try Data(contentsOf: output))
        let size = width * height
        let rows = (0..<height).filter { !maskedRows.contains($0) }
        var frames: [[Double]] = []
        for index in 0..<(bytes.count / size) {
            var frame: [Double] = []
            for row in rows {
                let start = index * size + row * width
                for offset in 0..<width { frame.append(Double(bytes[start + offset])) }
            }
            frames.append(frame)
        }
        let differences = zip(frames, frames.dropFirst()).map { difference($0, $1) }
        let sorted = differences.sorted()
        let median = sorted.isEmpty ? 0 : sorted[sorted.count / 2]
        let threshold = max(1.2, median * 4)
        // Runs of changing samples, joined across gaps under 0.6 s: one change each.
        var runs: [ClosedRange<Int>] = []
        for (index, value) in differences.enumerated() where value > threshold {
            if let last = runs.last, index - last.upperBound <= 5 {
                runs[runs.count - 1] = last.lowerBound...index
            } else {
                runs.append(index...index)
            }
        }
        let cuts = runs.map { Double($0.lowerBound + $0.upperBound + 2) / 2 / samplesPerSecond }
        let bounds = [0] + cuts.map { Int($0 * samplesPerSecond) } + [frames.count]
        let middles = zip(bounds, bounds.dropFirst()).map { frames[min(frames.count - 1, ($0 + $1) / 2)] }
        return ShotMeasure(cuts: cuts, durationSeconds: durationSeconds, middles: middles)
    }

    static func difference(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { $0 + abs($1.0 - $1.1) } / Double(max(1, a.count))
    }
}
