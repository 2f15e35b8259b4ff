import Foundation
import ReelsmithCore

/// What ffprobe says about a clip, and whether it can be used as a scene (issue 9): a file that is
/// unreadable, has no picture (audio only), no length, or is huge is skipped with a warning.
package struct ClipProbe: Sendable, Equatable {
    package var durationSeconds: Double
    /// The displayed size: the stored width stretched by the pixels' aspect, then rotation applied.
    package var width: Int
    package var height: Int
    /// The width of a stored pixel over its height (`sample_aspect_ratio`): 1 but for anamorphic
    /// footage (a 960×1080 file with 2:1 pixels shows 1920×1080).
    package var sampleAspect: Double = 1
    package var colour: ClipColour = .standard

    /// Larger pictures are refused: decoding them would cost more than the whole render.
    static let maximumPixels = 4096 * 4096
    static let maximumDurationSeconds = 3600.0

    package enum Problem: Error, Equatable {
        case unreadable(String)
        case noPicture
        case zeroLength
        case huge(String)

        package var message: String {
            switch self {
            case .unreadable(let detail): "ffprobe cannot read it (\(detail))"
            case .noPicture: "it has no video stream (audio only?)"
            case .zeroLength: "it has no length (no frames)"
            case .huge(let detail): "it is too large to use (\(detail))"
            }
        }
    }

    /// Probes `path` with ffprobe (an argument array; `file:` so that no name is read as a protocol).
    package static func probe(_ path: String, ffprobe: String) async throws(Problem) -> ClipProbe {
        let output: ExternalTool.Output
        do {
            output = try await ExternalTool(executable: ffprobe).run(
                [
                    "-v", "error", "-show_streams", "-show_format", "-of", "json",
                ] + SceneClip.demuxerArguments(path) + ["file:" + path])
        } catch {
            let detail = "\(error)".split(separator: "\n").last.map(String.init) ?? "error"
            throw .unreadable(Excerpt.quote(String(detail.suffix(160))))
        }
        return try parse(Data(output.stdout.utf8))
    }

    package static func parse(_ json: Data) throws(Problem) -> ClipProbe {
        // swift-format-ignore: AlwaysUseLowerCamelCase
        // ffprobe's own keys.
        struct Answer: Decodable {
            struct Stream: Decodable {
                struct Disposition: Decodable { var attached_pic: Int? }
                struct SideData: Decodable {
                    var rotation: Double?
                    var max_luminance: String?
                    var max_content: Int?
                }
                var codec_type: String?
                var width: Int?
                var height: Int?
                var sample_aspect_ratio: String?
                var color_transfer: String?
                var color_primaries: String?
                var color_space: String?
                var color_range: String?
                var duration: String?
                var nb_frames: String?
                var disposition: Disposition?
                var side_data_list: [SideData]?
                var tags: [String: String]?
            }
            struct Format: Decodable { var duration: String? }
            var streams: [Stream]?
            var format: Format?
        }
        guard let answer = try? JSONDecoder().decode(Answer.self, from: json) else { throw .unreadable("no answer") }
        guard
            let video = answer.streams?.first(where: {
                $0.codec_type == "video" && ($0.disposition?.attached_pic ?? 0) == 0
            }), let storedWidth = video.width, let storedHeight = video.height, storedWidth > 0, storedHeight > 0
        else { throw .noPicture }
        // Real anamorphic footage is 0.5…2; a nonsense ratio is taken as square.
        let sampleAspect = Self.ratio(video.sample_aspect_ratio).flatMap { (0.1...10).contains($0) ? $0 : nil } ?? 1
        // The display size as ffmpeg's `scale=iw*sar:ih` gives it: the height is kept.
        var width = max(2, Int((Double(storedWidth) * sampleAspect).rounded()))
        var height = storedHeight
        let rotation =
            video.side_data_list?.compactMap(\.rotation).first ?? video.tags?["rotate"].flatMap(Double.init) ?? 0
        // The file's number, checked before `Int` (which traps on 1e300, inf and nan).
        let degrees = rotation.isFinite ? abs(rotation).truncatingRemainder(dividingBy: 360).rounded() : 0
        if Int(degrees) % 180 == 90 { swap(&width, &height) }
        let duration = video.duration.flatMap(Double.init) ?? answer.format?.duration.flatMap(Double.init) ?? 0
        if let frames = video.nb_frames.flatMap(Int.init), frames == 0 { throw .zeroLength }
        guard duration.isFinite, duration > 0.05 else { throw .zeroLength }
        // Decoding costs the stored pixels, whatever their shape.
        guard storedWidth * storedHeight <= maximumPixels else {
            throw .huge("\(storedWidth)×\(storedHeight) pixels; at most 4096×4096")
        }
        guard duration <= maximumDurationSeconds else {
            throw .huge(
                "\(duration < 1e9 ? String(Int(duration)) : String(format: "%.2g", duration)) s long; at most an hour")
        }
        let sideData = video.side_data_list ?? []
        let maximumContentLight = sideData.compactMap(\.max_content).first { $0 > 0 }.map(Double.init)
        let masteringPeak = sideData.compactMap { Self.ratio($0.max_luminance) }.first { $0 > 0 }
        let colour = ClipColour(
            transfer: video.color_transfer, primaries: video.color_primaries, matrix: video.color_space,
            range: video.color_range, peakNits: maximumContentLight ?? masteringPeak)
        return ClipProbe(
            durationSeconds: duration, width: width, height: height, sampleAspect: sampleAspect, colour: colour)
    }

    /// `16:9` or `10000000/10000` as a number; nil for `0:1`, `N/A` or nothing.
    private static func ratio(_ text: String?) -> Double? {
        guard let parts = text?.split(whereSeparator: { $0 == ":" || $0 == "/" }), parts.count == 2,
            let numerator = Double(parts[0]), let denominator = Double(parts[1]), numerator > 0, denominator > 0
        else { return nil }
        let value = numerator / denominator
        return value.isFinite ? value : nil
    }
}
