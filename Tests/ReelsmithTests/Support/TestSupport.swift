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

/// Paths and helpers shared by the suites: the real templates of the repository, temp project
/// folders, and measurements of rendered files with ffprobe and ffmpeg's ebur128.
enum TestSupport {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let templates = packageRoot.appendingPathComponent("templates")
    static let fixtures = packageRoot.appendingPathComponent("Tests/ReelsmithTests/Fixtures")
    static let executable = packageRoot.appendingPathComponent(".build/debug/reelsmith")

    static func fixture(_ path: String) -> URL { fixtures.appendingPathComponent(path) }

    /// A fresh project folder (inbox, outbox, state) using the repository's templates.
    static func makeWorkspace(_ name: String = #function) throws -> Workspace {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("reelsmith-tests-\(Slug.make(name))-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("inbox/requests"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("outbox/videos"), withIntermediateDirectories: true)
        return Workspace(root: root, templates: templates)
    }

    static func write(_ text: String, to folder: URL, name: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url
    }

    static func contents(of folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    static func run(
        _ tool: String, _ arguments: [String], environment: [String: String] = [:]
    ) throws -> (stdout: String, stderr: String, status: Int32) {
        let process = Process()
        process.executableURL = try ExternalTool.locate(tool)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read stderr beside stdout: a full pipe would block the child.
        final class Buffer: Sendable { let data = Mutex(Data()) }
        let errBuffer = Buffer()
        let reading = DispatchGroup()
        let errHandle = err.fileHandleForReading
        DispatchQueue.global().async(group: reading) {
            let read = errHandle.readDataToEndOfFile()
            errBuffer.data.withLock { $0 = read }
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        reading.wait()
        let errData = errBuffer.data.withLock { $0 }
        process.waitUntilExit()
        return (
            String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self),
            process.terminationStatus
        )
    }
}

/// What ffprobe says about a file, in ffprobe's own keys.
// swift-format-ignore: AlwaysUseLowerCamelCase
struct Probe: Decodable {
    struct Stream: Decodable {
        var codec_type: String
        var codec_name: String
        var profile: String?
        var pix_fmt: String?
        var width: Int?
        var height: Int?
        var r_frame_rate: String?
        var avg_frame_rate: String?
        var sample_rate: String?
        var channels: Int?
    }
    struct Format: Decodable {
        var duration: String?
    }
    var streams: [Stream]
    var format: Format

    static func of(_ url: URL) throws -> Probe {
        let result = try TestSupport.run(
            "ffprobe", ["-v", "error", "-show_streams", "-show_format", "-of", "json", url.path])
        return try JSONDecoder().decode(Probe.self, from: Data(result.stdout.utf8))
    }

    var video: Stream? { streams.first { $0.codec_type == "video" } }
    var audio: Stream? { streams.first { $0.codec_type == "audio" } }
    var durationSeconds: Double { format.duration.flatMap(Double.init) ?? 0 }
}

/// Integrated loudness and true peak, measured by ffmpeg's ebur128 filter.
struct LoudnessMeasurement {
    var integratedLUFS: Double
    var truePeakDBTP: Double

    static func of(_ url: URL) throws -> LoudnessMeasurement {
        let result = try TestSupport.run(
            "ffmpeg",
            [
                "-hide_banner", "-nostats", "-i", url.path, "-af", "ebur128=peak=true:framelog=verbose", "-f", "null",
                "-",
            ])
        let summary = result.stderr.components(separatedBy: "Summary:").last ?? ""
        func value(after label: String, in text: String) -> Double? {
            for line in text.split(separator: "\n") {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix(label) {
                    return Double(
                        trimmed.dropFirst(label.count).trimmingCharacters(in: .whitespaces).split(separator: " ")[0])
                }
            }
            return nil
        }
        let peakSection = summary.components(separatedBy: "True peak:").last ?? ""
        return LoudnessMeasurement(
            integratedLUFS: value(after: "I:", in: summary) ?? .nan,
            truePeakDBTP: value(after: "Peak:", in: peakSection) ?? .nan)
    }
}

/// The order of an MP4's top-level boxes (`moov` before `mdat` means `+faststart` worked).
enum MP4Boxes {
    static func topLevel(_ url: URL) throws -> [String] {
        let data = try Data(contentsOf: url)
        var names: [String] = []
        var offset = 0
        while offset + 8 <= data.count {
            var size = data[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            let name = String(decoding: data[offset + 4..<offset + 8], as: UTF8.self)
            if size == 1, offset + 16 <= data.count {
                size = data[offset + 8..<offset + 16].reduce(0) { $0 << 8 | Int($1) }
            }
            if size == 0 { size = data.count - offset }
            guard size >= 8 else { break }
            names.append(name)
            offset += size
        }
        return names
    }
}
