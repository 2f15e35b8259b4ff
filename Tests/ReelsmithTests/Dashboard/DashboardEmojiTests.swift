import Foundation
import Testing

@testable import HeadlessChromium
@testable import Reelsmith
@testable import ReelsmithCore

/// Emoji in the dashboard's titles show in colour, not as empty boxes (issue 21): the page names
/// Noto Color Emoji, and a Chromium screenshot of a library title with emoji has their colours.
@Suite(.serialized) struct DashboardEmojiTests {
    @Test func emojiInALibraryTitleShowInColour() throws {
        let project = try DashboardFixtures.project()
        let browser = try HeadlessChromium()
        defer { browser.close() }
        try browser.openPage(project.page, width: 1280, height: 800)
        let family = try browser.evaluate("getComputedStyle(document.body).fontFamily") as? String ?? ""
        #expect(family.contains("Noto Color Emoji"), "\(family)")
        let rect =
            try browser.evaluate(
                """
                (() => { const a = document.querySelector('td.title a');
                  a.textContent = '💪🔥🍳 ' + a.textContent; a.style.fontSize = '32px'; a.scrollIntoView();
                  const r = a.getBoundingClientRect();
                  return [r.left, r.top, Math.min(r.width, 200), r.height].map(Math.round); })()
                """) as? [Int] ?? []
        try #require(rect.count == 4 && rect[2] > 20 && rect[3] > 20, "\(rect)")
        let png = try browser.screenshot()
        _ = try ScreenshotCheck.of(png, savedAs: "dashboard-emoji.png")
        let file = ScreenshotCheck.artifacts.appendingPathComponent("dashboard-emoji.png")
        let raw = FileManager.default.temporaryDirectory.appendingPathComponent("emoji-\(UUID().uuidString).rgb")
        defer { try? FileManager.default.removeItem(at: raw) }
        let crop = "crop=\(rect[2]):\(rect[3]):\(max(0, rect[0])):\(max(0, rect[1])),format=rgb24"
        let converted = try TestSupport.run(
            "ffmpeg",
            ["-hide_banner", "-loglevel", "error", "-y", "-i", file.path, "-vf", crop, "-f", "rawvideo", raw.path])
        #expect(converted.status == 0, "\(converted.stderr)")
        let bytes = [UInt8](try Data(contentsOf: raw))
        // Yellow, orange and red pixels: the arm, the flame, the egg's yolk (the title's link is blue).
        let warm = stride(from: 0, to: bytes.count - 2, by: 3).filter { index in
            let (r, g, b) = (Int(bytes[index]), Int(bytes[index + 1]), Int(bytes[index + 2]))
            return r > 180 && b < 120 && r - b > 100 && g > 40
        }.count
        #expect(warm > 150, "\(warm) warm pixels where the emoji are: empty boxes or monochrome glyphs")
    }
}
