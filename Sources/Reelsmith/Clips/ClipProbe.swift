import Foundation

/// What ffprobe says about a clip, and whether it can be used as a scene (issue 9): a file that is
/// unreadable, has no picture (audio only), no length, or is huge is skipped with a warning.
struct ClipProbe: Sendable, Equatable {
    var durationSeconds: Double
    var width: Int
    var height: Int

    /// Larger pictures are refused: decoding them would cost more than the whole render.
    static let maximumPixels = 4096 * 4096
    static let maximumDurationSeconds = 3600.0

    enum Problem: Error, Equatable {
        case unreadable(String)
        case noPicture
        case zeroLength
        case huge(String)

        var message: String {
            switch self {
            case .unreadable(let detail): "ffprobe cannot read it (\(detail))"
            case .noPicture: "it has no video stream (audio only?)"
            case .zeroLength: "it has no length (no frames)"
            case .huge(let detail): "it is too large to use (\(detail))"
            }
        }
    }

    /// Probes `path` with ffprobe (an argument array; `file:` so that no name is read as a protocol).
    static func probe(_ path: String, ffprobe: String) async throws(Problem) -> ClipProbe {
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

    static func parse(_ json: Data) throws(Problem) -> ClipProbe {
        struct Answer: Decodable {
            struct Stream: Decodable {
                struct Disposition: Decodable { var attached_pic: Int? }
                struct SideData: Decodable { var rotation: Double? }
                var codec_type: String?
                var width: Int?
                var height: Int?
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
            }), var width = video.width, var height = video.height, width > 0, height > 0
        else { throw .noPicture }
        let rotation =
            video.side_data_list?.compactMap(\.rotation).first ?? video.tags?["rotate"].flatMap(Double.init) ?? 0
        if Int(abs(rotation).rounded()) % 180 == 90 { swap(&width, &height) }
        let duration = video.duration.flatMap(Double.init) ?? answer.format?.duration.flatMap(Double.init) ?? 0
        if let frames = video.nb_frames.flatMap(Int.init), frames == 0 { throw .zeroLength }
        guard duration.isFinite, duration > 0.05 else { throw .zeroLength }
        guard width * height <= maximumPixels else { throw .huge("\(width)×\(height) pixels; at most 4096×4096") }
        guard duration <= maximumDurationSeconds else { throw .huge("\(Int(duration)) s long; at most an hour") }
        return ClipProbe(durationSeconds: duration, width: width, height: height)
    }
}
