import Foundation

/// The values a project knows for its free-text keys, offered while typing but never required:
/// its niches (the script templates), its voices and its music.
package struct SchemaSuggestions: Sendable, Equatable {
    package var niches: [String]
    package var voices: [String]
    package var music: [String]

    package init(niches: [String] = [], voices: [String] = [], music: [String] = []) {
        self.niches = niches
        self.voices = voices
        self.music = music
    }

    /// What a checkout or project holds: niches from `templates/scripts/<language>/*.yaml`, music
    /// from `templates/music/` (plus `none`), and the languages' espeak-ng voices.
    package static func from(templates: URL) -> SchemaSuggestions {
        let files = FileManager.default
        var niches = Set<String>()
        for language in Language.allCases {
            let folder = templates.appendingPathComponent("scripts/\(language.rawValue)")
            for name in (try? files.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasSuffix(".yaml") {
                let niche = (name as NSString).deletingPathExtension
                if niche != "generic" { niches.insert(niche) }
            }
        }
        let music = ((try? files.contentsOfDirectory(atPath: templates.appendingPathComponent("music").path)) ?? [])
            .filter { !$0.hasPrefix(".") }.map { ($0 as NSString).deletingPathExtension }
        return SchemaSuggestions(
            niches: niches.sorted(),
            voices: ["default"] + Language.allCases.map(\.defaultVoice) + ["fr", "en", "en-gb"],
            music: Array(Set(music)).sorted() + ["none"])
    }

    package func values(_ suggestions: FieldSpec.Suggestions) -> [String] {
        switch suggestions {
        case .none: []
        case .fixed(let values): values
        case .niches: niches
        case .voices: voices
        case .music: music
        }
    }
}
