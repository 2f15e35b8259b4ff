import Foundation

/// Any audio file a voice engine wrote (MP3, WAV, FLAC, Opus, AAC) as mono 16-bit samples, by ffmpeg.
struct AudioDecoder: Sendable {
    var ffmpeg: String
    static let sampleRate = 24_000

    /// The samples of `file`; an error that names the engine when ffmpeg cannot read it.
    func samples(of file: URL, workingDirectory: URL) async throws -> [Int16] {
        let raw = file.deletingPathExtension().appendingPathExtension("pcm")
        defer { try? FileManager.default.removeItem(at: raw) }
        try await ExternalTool(executable: ffmpeg, workingDirectory: workingDirectory).run([
            "-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-i", file.path, "-vn", "-ac", "1",
            "-ar", String(Self.sampleRate), "-f", "s16le", "-acodec", "pcm_s16le", raw.path,
        ])
        let data = try Data(contentsOf: raw)
        return data.withUnsafeBytes { bytes in
            (0..<(data.count / 2)).map { Int16(littleEndian: bytes.loadUnaligned(fromByteOffset: $0 * 2, as: Int16.self)) }
        }
    }
}

/// Pieces of one voice joined into a track without clicks: each piece fades in and out over
/// 8 ms (no jump at a seam) and a short pause separates two pieces, as between two sentences.
enum AudioJoin {
    static let fadeSeconds = 0.008
    static let pauseSeconds = 0.12

    static func join(_ pieces: [[Int16]], sampleRate: Int) -> [Int16] {
        guard pieces.count > 1 else { return pieces.first ?? [] }
        let fade = Int(Double(sampleRate) * fadeSeconds)
        let pause = [Int16](repeating: 0, count: Int(Double(sampleRate) * pauseSeconds))
        var result: [Int16] = []
        for (index, piece) in pieces.enumerated() {
            if index > 0 { result += pause }
            var faded = piece
            let length = min(fade, faded.count / 2)
            for k in 0..<length {
                let gain = Double(k) / Double(max(1, length))
                faded[k] = Int16(Double(faded[k]) * gain)
                faded[faded.count - 1 - k] = Int16(Double(faded[faded.count - 1 - k]) * gain)
            }
            result += faded
        }
        return result
    }
}
