import Foundation
import ReelsmithCore

/// A niche's look on its title cards (issue 21): the background gradient (the template's
/// palette), an accent colour for the word that stands out, and an emoji. The accent is the
/// palette's hue made bright, then lightened until it reads at 4.5:1 against the lightest
/// background colour (WCAG AA for text); the rest of the text is white on the dark palette.
package struct CardTheme: Sendable, Equatable {
    /// `0xRRGGBB`, top and bottom of the gradient.
    package var top: String
    package var bottom: String
    /// `0xRRGGBB`: the plate behind the accent word (set in ``ink`` on it).
    package var accent: String
    /// `0xRRGGBB`: the accent word's colour, dark on the bright plate.
    package var ink = "0x111111"
    package var emoji: String

    /// One emoji per niche the templates know (English and French names), else a sparkle.
    static let nicheEmoji: [String: String] = [
        "fitness": "💪", "sport": "💪", "cooking": "🍳", "cuisine": "🍳", "recettes": "🍳", "finance": "💰",
        "argent": "💰", "money": "💰", "motivation": "🔥", "entrepreneuriat": "🚀", "business": "🚀", "tech": "💡",
        "travel": "✈️", "voyage": "✈️", "beauty": "💄", "beaute": "💄", "gaming": "🎮", "education": "📚",
        "health": "🩺", "sante": "🩺", "food": "🍕", "music": "🎵", "musique": "🎵", "fashion": "👗", "mode": "👗",
    ]

    package init(niche: String, palette: [String]) {
        let colours = palette.compactMap(ImageRenderer.ffmpegColor)
        top = colours.first ?? "0x1f1c2c"
        bottom = colours.dropFirst().first ?? "0x3a3560"
        let background =
            [top, bottom].compactMap(Self.rgb).max { Self.luminance($0) < Self.luminance($1) } ?? (0, 0, 0)
        let hue = Self.hue(Self.rgb(bottom) ?? (0.2, 0.3, 0.4))
        var lightness = 0.6
        var accentRGB = Self.fromHSL(hue: hue, saturation: 0.85, lightness: lightness)
        while Self.contrast(accentRGB, background) < 4.5, lightness < 0.95 {
            lightness += 0.05
            accentRGB = Self.fromHSL(hue: hue, saturation: 0.85, lightness: lightness)
        }
        accent = Self.hex(accentRGB)
        emoji = Self.nicheEmoji[Slug.fold(niche).lowercased()] ?? "✨"
    }

    package typealias RGB = (Double, Double, Double)

    /// `0xRRGGBB` → channels in 0…1.
    static func rgb(_ colour: String) -> RGB? {
        guard colour.hasPrefix("0x"), let value = Int(colour.dropFirst(2), radix: 16) else { return nil }
        return (Double(value >> 16 & 0xFF) / 255, Double(value >> 8 & 0xFF) / 255, Double(value & 0xFF) / 255)
    }

    static func hex(_ rgb: RGB) -> String {
        let channel = { (value: Double) in Int((min(1, max(0, value)) * 255).rounded()) }
        return String(format: "0x%02x%02x%02x", channel(rgb.0), channel(rgb.1), channel(rgb.2))
    }

    /// WCAG relative luminance.
    package static func luminance(_ rgb: RGB) -> Double {
        let linear = { (c: Double) in c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear(rgb.0) + 0.7152 * linear(rgb.1) + 0.0722 * linear(rgb.2)
    }

    /// WCAG contrast ratio, 1…21.
    package static func contrast(_ a: RGB, _ b: RGB) -> Double {
        let (la, lb) = (luminance(a), luminance(b))
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    static func hue(_ rgb: RGB) -> Double {
        let (r, g, b) = rgb
        let high = max(r, g, b)
        let low = min(r, g, b)
        guard high > low else { return 0.6 }
        let delta = high - low
        let sector: Double =
            high == r ? (g - b) / delta + (g < b ? 6 : 0) : high == g ? (b - r) / delta + 2 : (r - g) / delta + 4
        return sector / 6
    }

    static func fromHSL(hue: Double, saturation: Double, lightness: Double) -> RGB {
        let q = lightness < 0.5 ? lightness * (1 + saturation) : lightness + saturation - lightness * saturation
        let p = 2 * lightness - q
        func channel(_ t: Double) -> Double {
            var t = t
            if t < 0 { t += 1 }
            if t > 1 { t -= 1 }
            if t < 1 / 6 { return p + (q - p) * 6 * t }
            if t < 1 / 2 { return q }
            if t < 2 / 3 { return p + (q - p) * (2 / 3 - t) * 6 }
            return p
        }
        return (channel(hue + 1 / 3), channel(hue), channel(hue - 1 / 3))
    }
}
