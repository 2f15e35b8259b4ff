import Foundation
import ReelsmithCore

/// Writes word-timed captions as ASS (burned in by libass, the active word highlighted) and SRT
/// (for platforms that take a subtitle file). Positions follow TikTok's safe zone: clear of the top
/// ~250 px, the bottom ~450 px (caption and buttons) and the right ~170 px (action buttons).
package struct CaptionWriter: Sendable {
    package var width = 1080
    package var height = 1920
    var fontName = "DejaVu Sans"
    package var fontSize = 76
    /// Distance from the bottom edge to the caption's baseline.
    var marginBottom = 520
    var marginLeft = 80
    var marginRight = 190

    package init(
        width: Int = 1080, height: Int = 1920, fontName: String = "", fontSize: Int = 76, marginBottom: Int = 520,
        marginLeft: Int = 80, marginRight: Int = 190
    ) {
        self.width = width
        self.height = height
        self.fontName = fontName
        self.fontSize = fontSize
        self.marginBottom = marginBottom
        self.marginLeft = marginLeft
        self.marginRight = marginRight
    }

    package func ass(chunks: [CaptionChunk]) -> String {
        var lines = [
            "[Script Info]",
            "; Written by Reelsmith",
            "ScriptType: v4.00+",
            "PlayResX: \(width)",
            "PlayResY: \(height)",
            "WrapStyle: 0",
            "ScaledBorderAndShadow: yes",
            "",
            "[V4+ Styles]",
            "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, "
                + "Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, "
                + "MarginL, MarginR, MarginV, Encoding",
            "Style: Caption,\(fontName),\(fontSize),&H00FFFFFF,&H00FFFFFF,&H00101010,&H96000000,-1,0,0,0,100,100,0,0,1,6,3,2,"
                + "\(marginLeft),\(marginRight),\(marginBottom),1",
            "",
            "[Events]",
            "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text",
        ]
        let highlight = "{\\1c&H00E6FF&}"  // yellow (ASS colours are BGR)
        let normal = "{\\1c&HFFFFFF&}"
        for chunk in chunks {
            for (index, word) in chunk.words.enumerated() {
                let start = index == 0 ? chunk.start : word.start
                let end = index + 1 < chunk.words.count ? chunk.words[index + 1].start : chunk.end
                guard end > start else { continue }
                let text = chunk.words.enumerated().map { position, other in
                    let escaped = Self.escapeASS(other.text)
                    return position == index ? highlight + escaped + normal : escaped
                }.joined(separator: " ")
                lines.append("Dialogue: 0,\(Self.assTime(start)),\(Self.assTime(end)),Caption,,0,0,0,,\(text)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    package func srt(chunks: [CaptionChunk]) -> String {
        chunks.enumerated().map { index, chunk in
            "\(index + 1)\n\(Self.srtTime(chunk.start)) --> \(Self.srtTime(chunk.end))\n\(Self.escapeSRT(chunk.text))\n"
        }.joined(separator: "\n")
    }

    /// User or model text made literal for libass: braces would open an override block and a
    /// backslash would start `\N`, `\n` or `\h`. libass reads `\{` and `\}` as literal braces; a
    /// WORD JOINER after a backslash keeps it from pairing with the next letter.
    static func escapeASS(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\u{2060}"
            case "{": result += "\\{"
            case "}": result += "\\}"
            case "\n", "\r": result += " "
            default: result.append(character)
            }
        }
        return result
    }

    /// SRT has no escape syntax; players read `<b>`-style tags and `{\an8}`, so the brackets that
    /// would start them are replaced by look-alikes.
    static func escapeSRT(_ text: String) -> String {
        text.replacingOccurrences(of: "<", with: "‹").replacingOccurrences(of: ">", with: "›")
            .replacingOccurrences(of: "{", with: "｛").replacingOccurrences(of: "}", with: "｝")
    }

    /// `H:MM:SS.cc`, rounded to the nearest centisecond.
    static func assTime(_ seconds: Double) -> String {
        let centiseconds = Int((max(0, seconds) * 100).rounded())
        return String(
            format: "%d:%02d:%02d.%02d", centiseconds / 360_000, centiseconds / 6000 % 60, centiseconds / 100 % 60,
            centiseconds % 100)
    }

    /// `HH:MM:SS,mmm`.
    static func srtTime(_ seconds: Double) -> String {
        let milliseconds = Int((max(0, seconds) * 1000).rounded())
        return String(
            format: "%02d:%02d:%02d,%03d", milliseconds / 3_600_000, milliseconds / 60000 % 60,
            milliseconds / 1000 % 60,
            milliseconds % 1000)
    }
}
