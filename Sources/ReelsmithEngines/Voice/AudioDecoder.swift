import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// Any audio file a voice engine wrote (MP3, WAV, FLAC, Opus, AAC) as mono 16-bit samples, by ffmpeg.
struct AudioDecoder: Sendable {
    package var ffmpeg: String
    package static let sampleRate = 24_000

    /// A file whose first bytes are none of the audio formats we read.
    struct NotAudio: Error {}

    /// ffmpeg's demuxer for a file's first bytes: WAV, MP3, AAC (ADTS), FLAC or Ogg (Opus). The
    /// demuxer is always named, never guessed: a "voice" that is a playlist or a concat list would
    /// make ffmpeg open the files it names.
    package static func demuxer(of file: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        guard let demuxer = demuxer(of: try handle.read(upToCount: 12) ?? Data()) else { throw NotAudio() }
        return demuxer
    }

    /// The format of audio bytes from their first ones, nil when none we read: what a server sent,
    /// whatever format was asked for (LocalAI answers WAV to an unknown or missing one).
    package static func demuxer(of bytes: Data) -> String? {
        let head = [UInt8](bytes.prefix(12))
        func starts(_ text: String, at offset: Int = 0) -> Bool {
            head.count >= offset + text.utf8.count
                && Array(head[offset..<(offset + text.utf8.count)]) == Array(text.utf8)
        }
        if starts("RIFF"), starts("WAVE", at: 8) { return "wav" }
        if starts("fLaC") { return "flac" }
        if starts("OggS") { return "ogg" }
        if starts("ID3") { return "mp3" }
        if head.count >= 2, head[0] == 0xFF {
            if head[1] & 0xF6 == 0xF0 { return "aac" }
            if head[1] & 0xE0 == 0xE0 { return "mp3" }
        }
        return nil
    }

    /// The samples of `file`; ``NotAudio`` when it is not a format we read, ffmpeg's error when it
    /// cannot decode it.
    package func samples(of file: URL, workingDirectory: URL) async throws -> [Int16] {
        let demuxer = try Self.demuxer(of: file)
        let raw = file.deletingPathExtension().appendingPathExtension("pcm")
        defer { try? FileManager.default.removeItem(at: raw) }
        try await ExternalTool(executable: ffmpeg, workingDirectory: workingDirectory).run([
            "-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-f", demuxer, "-i", file.path, "-vn", "-ac", "1",
            "-ar", String(Self.sampleRate), "-f", "s16le", "-acodec", "pcm_s16le", raw.path,
        ])
        let data = try Data(contentsOf: raw)
        return data.withUnsafeBytes { bytes in
            (0..<(data.count / 2)).map {
                Int16(littleEndian: bytes.loadUnaligned(fromByteOffset: $0 * 2, as: Int16.self))
            }
        }
    }
}

/// Pieces of one voice joined into a track without clicks: each piece fades in and out over
/// 8 ms (no jump at a seam) and a short pause separates two pieces, as between two sentences.
enum AudioJoin {
    static let fadeSeconds = 0.008
    package static let pauseSeconds = 0.12

    package static func join(_ pieces: [[Int16]], sampleRate: Int) -> [Int16] {
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
