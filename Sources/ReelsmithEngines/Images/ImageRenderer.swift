import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// Makes one 1080×1920 PNG per scene (DESIGN §2, stage 3): the user's own picture from
/// `templates/assets/<niche>/` scaled and cropped to fill, or a procedural title card — a gradient
/// in the niche's palette with the scene's key phrase set in a real font inside the safe zone.
package struct ImageRenderer: Sendable {
    package var ffmpeg: String
    package var fontFile: String
    package var width = 1080
    package var height = 1920
    /// Characters per line of the key phrase on a card, for a 92 px bold font in the safe zone.
    var lineCharacters = 14
    package var fontSize = 92

    package init(
        ffmpeg: String, fontFile: String, width: Int = 1080, height: Int = 1920, lineCharacters: Int = 14,
        fontSize: Int = 92
    ) {
        self.ffmpeg = ffmpeg
        self.fontFile = fontFile
        self.width = width
        self.height = height
        self.lineCharacters = lineCharacters
        self.fontSize = fontSize
    }

    static let pictureExtensions: Set<String> = ["png", "jpg", "jpeg", "webp", "bmp"]

    /// The user's pictures for a niche, in name order.
    package static func assets(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter {
            !$0.hasPrefix(".") && pictureExtensions.contains(($0 as NSString).pathExtension.lowercased())
        }
        .sorted().map { folder.appendingPathComponent($0) }
    }

    /// Writes `images/01.png…` inside `staging`, all at once: they go to a partial folder renamed at the end.
    package func render(scenes: [Script.Scene], palette: [String], assets: [URL], staging: URL) async throws {
        let partial = staging.appendingPathComponent("images.partial")
        try? FileManager.default.removeItem(at: partial)
        try FileManager.default.createDirectory(at: partial, withIntermediateDirectories: true)
        for scene in scenes {
            try await render(
                scene: scene, palette: palette, assets: assets, staging: staging,
                output: "images.partial/" + Self.fileName(scene))
        }
        let final = staging.appendingPathComponent("images")
        try? FileManager.default.removeItem(at: final)
        try FileManager.default.moveItem(at: partial, to: final)
    }

    /// `01.png` for the first scene.
    package static func fileName(_ scene: Script.Scene) -> String { String(format: "%02d.png", scene.index) }

    /// One scene's offline picture at `output` (relative to `staging`): the niche's own picture,
    /// else a title card.
    package func render(scene: Script.Scene, palette: [String], assets: [URL], staging: URL, output: String)
        async throws
    {
        let tool = ExternalTool(executable: ffmpeg, workingDirectory: staging)
        if !assets.isEmpty {
            let asset = assets[(scene.index - 1) % assets.count]
            try await tool.run(
                pictureArguments(asset: asset.path, demuxer: try Self.demuxer(of: asset), output: output))
            return
        }
        let lines = Self.wrap(SpokenText.removingEmoji(scene.keyPhrase), width: lineCharacters, maximumLines: 6)
        var textFiles: [String] = []
        for (number, line) in lines.enumerated() {
            let file = (output as NSString).deletingPathExtension + "-\(number).txt"
            try Data(line.utf8).write(to: staging.appendingPathComponent(file))
            textFiles.append(file)
        }
        defer {
            for file in textFiles { try? FileManager.default.removeItem(at: staging.appendingPathComponent(file)) }
        }
        try await tool.run(cardArguments(textFiles: textFiles, palette: palette, output: output))
    }

    /// A file whose first bytes are not a PNG, JPEG, WebP or BMP picture.
    struct NotAPicture: Error, CustomStringConvertible {
        package var file: String
        package var description: String { "\(file) is not a PNG, JPEG, WebP or BMP picture" }
    }

    /// ffmpeg's demuxer for a picture, from its first bytes: always named, never guessed, so a file
    /// that is really a playlist or a concat list cannot make ffmpeg open other files.
    package static func demuxer(of file: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        let head = [UInt8](try handle.read(upToCount: 12) ?? Data())
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "png_pipe" }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return "jpeg_pipe" }
        if head.count >= 12, head.starts(with: Array("RIFF".utf8)), Array(head[8..<12]) == Array("WEBP".utf8) {
            return "webp_pipe"
        }
        if head.starts(with: Array("BM".utf8)) { return "bmp_pipe" }
        throw NotAPicture(file: file.lastPathComponent)
    }

    func pictureArguments(asset: String, demuxer: String, output: String) -> [String] {
        [
            "-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-f", demuxer, "-i", asset, "-vf",
            "scale=\(width):\(height):force_original_aspect_ratio=increase:flags=lanczos,crop=\(width):\(height),setsar=1,format=rgb24",
            "-frames:v", "1", "-update", "1", output,
        ]
    }

    /// The card's arguments. The phrase travels in text files (`textfile=`, `expansion=none`), so no
    /// user text is ever parsed by the filter graph; only our own relative file names are.
    func cardArguments(textFiles: [String], palette: [String], output: String) -> [String] {
        let colors = palette.compactMap(Self.ffmpegColor)
        let top = colors.first ?? "0x1f1c2c"
        let bottom = colors.dropFirst().first ?? "0x3a3560"
        let font = FilterGraph.escapeValue(fontFile)
        let lineHeight = Int(Double(fontSize) * 1.25)
        // Safe zone: x 60…910, y 250…1470; centre the block in it.
        let centerX = 485
        let centerY = 860
        let firstY = centerY - lineHeight * textFiles.count / 2
        var filters = [
            "drawbox=x=\(centerX - 60):y=\(firstY - 70):w=120:h=10:color=white@0.85:t=fill"
        ]
        for (number, file) in textFiles.enumerated() {
            filters.append(
                "drawtext=fontfile=\(font):textfile=\(FilterGraph.escapeValue(file)):expansion=none:fontcolor=white"
                    + ":fontsize=\(fontSize):borderw=3:bordercolor=black@0.35:x=\(centerX)-text_w/2:y=\(firstY + number * lineHeight)"
            )
        }
        return [
            "-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-f", "lavfi", "-i",
            "gradients=s=\(width)x\(height):c0=\(top):c1=\(bottom):x0=0:y0=0:x1=\(width):y1=\(height):n=2:speed=0.00001",
            "-vf", filters.joined(separator: ","), "-frames:v", "1", "-update", "1", output,
        ]
    }

    /// `#0f2027` → `0x0f2027`; anything else is ignored.
    static func ffmpegColor(_ hex: String) -> String? {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        guard digits.count == 6, digits.allSatisfy(\.isHexDigit) else { return nil }
        return "0x" + digits
    }

    /// Greedy word wrap; a word longer than a line is cut; extra lines end in an ellipsis.
    package static func wrap(_ text: String, width: Int, maximumLines: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(whereSeparator: \.isWhitespace).map(String.init) {
            var word = word
            while word.count > width {
                if !current.isEmpty {
                    lines.append(current)
                    current = ""
                }
                lines.append(String(word.prefix(width)))
                word = String(word.dropFirst(width))
            }
            if current.isEmpty {
                current = word
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty { lines.append(current) }
        if lines.count > maximumLines {
            lines = Array(lines.prefix(maximumLines))
            lines[maximumLines - 1] = String(lines[maximumLines - 1].prefix(width - 1)) + "…"
        }
        return lines.isEmpty ? [" "] : lines
    }
}
