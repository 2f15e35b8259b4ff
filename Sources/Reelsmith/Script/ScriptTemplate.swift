import Foundation
import Yams

/// One niche's writing material in one language: `templates/scripts/<language>/<niche>.yaml`.
struct ScriptTemplate: Sendable, Codable, Equatable {
    var niche: String
    var language: Language
    var aliases: [String]
    var palette: [String]
    var imageStyle: String
    var hashtags: [String]
    var titles: [String]
    var descriptions: [String]
    var tones: [String: Tone]
    var points: [String]

    struct Tone: Sendable, Codable, Equatable {
        var aliases: [String]
        var hooks: [String]
        var ctas: [String]
    }

    enum CodingKeys: String, CodingKey {
        case niche, language, aliases, palette, hashtags, titles, descriptions, tones, points
        case imageStyle = "image_style"
    }

    static let genericNiche = "generic"

    /// The tone whose key or aliases match the request's free-text tone, else `default`.
    func tone(named name: String) -> (key: String, tone: Tone) {
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

    func matches(niche name: String) -> Bool {
        let wanted = Slug.fold(name)
        return Slug.fold(niche) == wanted || aliases.contains { Slug.fold($0) == wanted }
    }
}

/// All script templates and lexicons under a `templates/` folder, loaded once.
struct TemplateLibrary: Sendable {
    let templates: [ScriptTemplate]
    let lexicons: [Language: Lexicon]

    static func load(from folder: URL) throws -> TemplateLibrary {
        var templates: [ScriptTemplate] = []
        var lexicons: [Language: Lexicon] = [:]
        let decoder = YAMLDecoder()
        for language in Language.allCases {
            let scripts = folder.appendingPathComponent("scripts/\(language.rawValue)")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: scripts.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".yaml") {
                let url = scripts.appendingPathComponent(name)
                do {
                    let template = try decoder.decode(ScriptTemplate.self, from: String(contentsOf: url, encoding: .utf8))
                    guard !template.tones.isEmpty, !template.points.isEmpty, !template.titles.isEmpty,
                        !template.descriptions.isEmpty,
                        template.tones.values.allSatisfy({ !$0.hooks.isEmpty && !$0.ctas.isEmpty })
                    else {
                        throw TemplateError.incomplete(file: url.path)
                    }
                    templates.append(template)
                } catch let error as TemplateError {
                    throw error
                } catch {
                    throw TemplateError.invalid(file: url.path, detail: "\(error)")
                }
            }
            let lexiconURL = folder.appendingPathComponent("lexicons/\(language.rawValue).yaml")
            if let text = try? String(contentsOf: lexiconURL, encoding: .utf8) {
                do {
                    lexicons[language] = try decoder.decode(Lexicon.self, from: text)
                } catch {
                    throw TemplateError.invalid(file: lexiconURL.path, detail: "\(error)")
                }
            }
        }
        for language in Language.allCases
        where !templates.contains(where: { $0.language == language && $0.niche == ScriptTemplate.genericNiche }) {
            throw TemplateError.missingGeneric(folder: folder.appendingPathComponent("scripts/\(language.rawValue)").path)
        }
        return TemplateLibrary(templates: templates, lexicons: lexicons)
    }

    /// The niche's template in that language, else the generic one.
    func template(niche: String, language: Language) -> ScriptTemplate {
        let candidates = templates.filter { $0.language == language }
        return candidates.first { $0.matches(niche: niche) }
            ?? candidates.first { $0.niche == ScriptTemplate.genericNiche }!
    }

    func lexicon(for language: Language) -> Lexicon { lexicons[language] ?? Lexicon.empty(language) }
}

/// A broken file under `templates/`.
enum TemplateError: Error, CustomStringConvertible {
    case invalid(file: String, detail: String)
    case incomplete(file: String)
    case missingGeneric(folder: String)

    var description: String {
        switch self {
        case let .invalid(file, detail):
            "\(file): this script template cannot be read (\(detail)) — compare it with templates/scripts/en/generic.yaml"
        case let .incomplete(file):
            "\(file): the template needs at least one title, description and point, and every tone at least one hook and one call to action — add them"
        case let .missingGeneric(folder):
            "\(folder)/generic.yaml is missing: it is the fallback for niches without a template — restore it from the repository"
        }
    }
}
