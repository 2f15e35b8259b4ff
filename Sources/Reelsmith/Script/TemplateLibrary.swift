import Foundation
import Yams

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

    /// Each language's stopwords, accent-folded: what ``LanguageGuess`` compares.
    var foldedStopwords: [Language: Set<String>] {
        Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, Set(lexicon(for: $0).stopwords.map(Slug.fold))) })
    }
}
