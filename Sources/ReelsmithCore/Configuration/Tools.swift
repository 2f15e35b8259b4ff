import Foundation

/// The external programs and files the offline engines need, found once at start.
package struct Tools: Sendable, Equatable {
    package var ffmpeg: String
    package var ffprobe: String
    /// A bold TrueType font for title cards.
    package var fontFile: String

    package init(ffmpeg: String = "ffmpeg", ffprobe: String = "ffprobe", fontFile: String? = nil) {
        self.ffmpeg = ffmpeg
        self.ffprobe = ffprobe
        self.fontFile = fontFile ?? Self.defaultFontFile() ?? "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
    }

    static let fontCandidates = [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    ]

    static func defaultFontFile() -> String? {
        fontCandidates.first { FileManager.default.fileExists(atPath: $0) }
    }
}
