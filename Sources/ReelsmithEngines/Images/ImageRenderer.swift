import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// Makes one 1080×1920 PNG per scene (DESIGN §2, stage 3): the user's own picture from
/// `templates/assets/<niche>/` scaled and cropped to fill, or a procedural title card in the
/// niche's theme (``CardTheme``, ``CardLayout``) — in beats (`01-beat1.png`…, then `01.png`), the
/// key phrase appearing line by line, one per shot of its scene (issue 21).
package struct ImageRenderer: Sendable {
    package var ffmpeg: String
    package var fontFile: String
    package var width = 1080
    package var height = 1920
    /// Characters per line of the key phrase on a card, for a 92 px bold font in the safe zone.
    var lineCharacters = 14
    package var fontSize = 92
    /// The niche, for its card theme (``CardTheme``).
    package var niche = ""
    /// Stopwords of every language, folded: never the accent word.
    package var stopwords: Set<String> = []
    /// The longest shot (``RenderSettings/shotSeconds``) and the voice's pace: how many beats a
    /// title card needs so its scene changes picture that often.
    package var shotSeconds = RenderSettings().shotSeconds
    package var language = Language.en
    /// `pango-view` (Debian's pango1.0-tools), which draws colour emoji (ffmpeg's drawtext and
    /// libass draw Noto Color Emoji as a dark shape or an empty box); nil: cards without a sticker.
    package var emojiTool: String? = ImageRenderer.findEmojiTool()

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

    /// `01-beat1.png`: the first beat of scene 1's title card (the phrase partly said).
    package static func beatFileName(_ scene: Script.Scene, beat: Int) -> String {
        String(format: "%02d-beat%d.png", scene.index, beat)
    }

    /// A scene's pictures in `staging/images/`, relative to `staging`, in reveal order: its title
    /// card's beats, then its picture.
    package static func pictures(of scene: Script.Scene, in staging: URL) -> [String] {
        var pictures: [String] = []
        var beat = 1
        while FileManager.default.fileExists(
            atPath: staging.appendingPathComponent("images/" + beatFileName(scene, beat: beat)).path)
        {
            pictures.append("images/" + beatFileName(scene, beat: beat))
            beat += 1
        }
        return pictures + ["images/" + fileName(scene)]
    }

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
        let layout = CardLayout(phrase: SpokenText.removingEmoji(scene.keyPhrase), stopwords: stopwords)
        let theme = CardTheme(niche: niche, palette: palette)
        let base = (output as NSString).deletingPathExtension
        var textFiles: [String] = []
        for (number, line) in layout.lines.enumerated() {
            let file = base + "-\(number).txt"
            try Data(line.text.utf8).write(to: staging.appendingPathComponent(file))
            textFiles.append(file)
        }
        let sticker = base + "-emoji.png"
        defer {
            for file in textFiles + [sticker] {
                try? FileManager.default.removeItem(at: staging.appendingPathComponent(file))
            }
        }
        let hasSticker = await drawEmoji(
            Self.firstEmoji(in: scene.keyPhrase) ?? theme.emoji, to: sticker, staging: staging)
        let beats = beatCount(scene)
        let folder = (output as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(
            at: staging.appendingPathComponent(CardLayers.file(forPicture: output)).deletingLastPathComponent(),
            withIntermediateDirectories: true)
        for beat in 1...beats {
            let file =
                beat == beats
                ? output : (folder as NSString).appendingPathComponent(Self.beatFileName(scene, beat: beat))
            try await tool.run(
                cardArguments(
                    layout: layout, textFiles: textFiles, theme: theme,
                    visibleLines: layout.visibleLines(beat: beat, of: beats),
                    flipped: (beats - beat) % 2 == 1, sticker: hasSticker ? sticker : nil, output: file,
                    layers: CardLayers.file(forPicture: file)))
        }
    }

    /// How many beats a scene's card has: enough for a new picture every ``shotSeconds`` of its
    /// narration at the voice's pace, with a quarter to spare (the real voice may be slower).
    func beatCount(_ scene: Script.Scene) -> Int {
        let seconds = Double(ScriptText.wordCount(scene.narration)) / SpeakingRate.wordsPerSecond(language)
        return ShotPlan.expectedShots(seconds: seconds, shotSeconds: shotSeconds)
    }

    /// The first emoji of a text (a whole cluster: skin tone, joiners), if any.
    static func firstEmoji(in text: String) -> String? {
        text.first { character in
            character.unicodeScalars.contains { $0.properties.isEmojiPresentation }
                || (character.unicodeScalars.first.map { $0.properties.isEmoji && $0.value > 0xFF } ?? false)
        }.map(String.init)
    }

    /// Draws `emoji` in colour into `file` (relative to `staging`) with pango-view and Noto Color
    /// Emoji; false when the tool is missing or fails (the card is made without it). The emoji
    /// goes as one argument (never a shell), pango-view reads it as plain text (no markup).
    func drawEmoji(_ emoji: String, to file: String, staging: URL) async -> Bool {
        guard let emojiTool else { return false }
        let tool = ExternalTool(executable: emojiTool, workingDirectory: staging)
        do {
            try await tool.run([
                "--no-display", "-q", "--font=Noto Color Emoji 100", "--background=transparent", "--margin=4",
                "--text=" + emoji, "-o", file,
            ])
            return FileManager.default.fileExists(atPath: staging.appendingPathComponent(file).path)
        } catch {
            return false
        }
    }

    /// `pango-view` on the PATH or in /usr/bin.
    package static func findEmojiTool() -> String? {
        let folders =
            (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin"]
        return folders.map { $0 + "/pango-view" }.first { FileManager.default.isExecutableFile(atPath: $0) }
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

    /// A card's arguments (issue 21): the niche's gradient (its direction flipped on alternate
    /// beats, so each beat is a new picture), the first `visibleLines` of the phrase, the accent
    /// line dark on a plate of the accent colour, the emoji sticker above. Two files: the card at
    /// `output`, and its layers (``CardLayers``: the gradient, taller, above the text on a
    /// transparent ground) at `layers`, from which the render drifts the background under the
    /// still text. The phrase travels in text files (`textfile=`, `expansion=none`), so no user
    /// text is ever parsed by the filter graph; only our own relative file names are, escaped.
    func cardArguments(
        layout: CardLayout, textFiles: [String], theme: CardTheme, visibleLines: Int, flipped: Bool, sticker: String?,
        output: String, layers: String
    ) -> [String] {
        let font = FilterGraph.escapeValue(fontFile)
        let tall = height + CardLayers.extraRows(height: height)
        let direction = flipped ? "x0=\(width):y0=\(tall):x1=0:y1=0" : "x0=0:y0=0:x1=\(width):y1=\(tall)"
        var filters: [String] = []
        var y = layout.firstY
        for (number, file) in textFiles.enumerated() {
            let line = layout.lines[number]
            let height = layout.lineHeights[number]
            if number < visibleLines {
                let size = line.isAccent ? layout.accentFontSize : layout.fontSize
                let look =
                    line.isAccent
                    ? "fontcolor=\(theme.ink):box=1:boxcolor=\(theme.accent):boxborderw=18"
                    : "fontcolor=white:borderw=3:bordercolor=black@0.45"
                filters.append(
                    "drawtext=fontfile=\(font):textfile=\(FilterGraph.escapeValue(file)):expansion=none:\(look)"
                        + ":fontsize=\(size):x=\(CardLayout.centerX)-text_w/2:y=\(y + (height - size) / 2)")
            }
            y += height
        }
        let background =
            "gradients=s=\(width)x\(tall):c0=\(theme.top):c1=\(theme.bottom):\(direction):n=2:speed=0.00001"
        var arguments = [
            "-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-f", "lavfi", "-i", background,
            // Transparent from the source on: converted later, it would come out opaque black.
            "-f", "lavfi", "-i", "color=c=black@0:s=\(width)x\(height),format=rgba",
        ]
        var graph = "[1:v]format=rgba," + (filters.isEmpty ? "null" : filters.joined(separator: ","))
        if let sticker {
            let top = layout.firstY - CardLayout.stickerSize - 30
            arguments += ["-f", "png_pipe", "-i", sticker]
            graph +=
                "[words];[2:v]scale=-1:\(CardLayout.stickerSize),format=rgba[sticker];"
                + "[words][sticker]overlay=x=\(CardLayout.centerX)-w/2:y=\(top):format=rgb,format=rgba"
        }
        graph +=
            ",split=2[text][textlayer];[0:v]format=rgba,split=2[ground][groundlayer];"
            + "[ground]crop=\(width):\(height):0:0[visible];"
            + "[visible][text]overlay=format=rgb,format=rgb24[card];"
            + "[groundlayer][textlayer]vstack=inputs=2,format=rgba[layers]"
        return arguments + [
            "-filter_complex", graph,
            "-map", "[card]", "-frames:v", "1", "-update", "1", output,
            "-map", "[layers]", "-frames:v", "1", "-update", "1", layers,
        ]
    }

    /// `#0f2027` → `0x0f2027`; anything else is ignored.
    static func ffmpegColor(_ hex: String) -> String? {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        guard digits.count == 6, digits.allSatisfy(\.isHexDigit) else { return nil }
        return "0x" + digits
    }
}
