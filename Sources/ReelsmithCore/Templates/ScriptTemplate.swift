import Foundation

/// One niche's writing material in one language: `templates/scripts/<language>/<niche>.yaml`.
package struct ScriptTemplate: Sendable, Codable, Equatable {
    package var niche: String
    package var language: Language
    package var aliases: [String]
    package var palette: [String]
    package var imageStyle: String
    package var hashtags: [String]
    package var titles: [String]
    package var descriptions: [String]
    package var tones: [String: Tone]
    package var points: [String]
    /// 1–3-word English terms for footage of the niche (issue 9); read from the English template.
    package var clipTerms: [String]?

    package struct Tone: Sendable, Codable, Equatable {
        package var aliases: [String]
        package var hooks: [String]
        package var ctas: [String]
    }

    enum CodingKeys: String, CodingKey {
        case niche, language, aliases, palette, hashtags, titles, descriptions, tones, points
        case imageStyle = "image_style"
        case clipTerms = "clip_terms"
    }

    package static let genericNiche = "generic"

    /// The tone whose key or aliases match the request's free-text tone, else `default`.
    package func tone(named name: String) -> (key: String, tone: Tone) {
        let wanted = Slug.fold(name)
        for key in tones.keys.sorted() {
            guard let tone = tones[key] else { continue }
            if Slug.fold(key) == wanted || tone.aliases.contains(where: { Slug.fold($0) == wanted }) {
                return (key, tone)
            }
        }
        for key in tones.keys.sorted() {
            guard let tone = tones[key] else { continue }
            if tone.aliases.contains(where: { wanted.contains(Slug.fold($0)) }) { return (key, tone) }
        }
        if let fallback = tones["default"] { return ("default", fallback) }
        let first = tones.keys.sorted()[0]
        return (first, tones[first]!)
    }

    package func matches(niche name: String) -> Bool {
        let wanted = Slug.fold(name)
        return Slug.fold(niche) == wanted || aliases.contains { Slug.fold($0) == wanted }
    }
}
