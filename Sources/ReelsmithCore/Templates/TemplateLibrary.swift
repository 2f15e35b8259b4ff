import Foundation
import Yams

/// All script templates and lexicons under a `templates/` folder, loaded once.
package struct TemplateLibrary: Sendable {
    package let templates: [ScriptTemplate]
    let lexicons: [Language: Lexicon]

    package static func load(from folder: URL) throws -> TemplateLibrary {
        var templates: [ScriptTemplate] = []
        var lexicons: [Language: Lexicon] = [:]
        let decoder = YAMLDecoder()
        for language in Language.allCases {
            let scripts = folder.appendingPathComponent("scripts/\(language.rawValue)")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: scripts.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".yaml") {
                let url = scripts.appendingPathComponent(name)
                do {
                    let template = try decoder.decode(ScriptTemplate.self, from: guardedText(url))
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
                    throw TemplateError.invalid(file: url.path, detail: safeDetail(error))
                }
            }
            let lexiconURL = folder.appendingPathComponent("lexicons/\(language.rawValue).yaml")
            if FileManager.default.fileExists(atPath: lexiconURL.path) {
                do {
                    lexicons[language] = try decoder.decode(Lexicon.self, from: guardedText(lexiconURL))
                } catch {
                    throw TemplateError.invalid(file: lexiconURL.path, detail: safeDetail(error))
                }
            }
        }
        for language in Language.allCases
        where !templates.contains(where: { $0.language == language && $0.niche == ScriptTemplate.genericNiche }) {
            throw TemplateError.missingGeneric(
                folder: folder.appendingPathComponent("scripts/\(language.rawValue)").path)
        }
        return TemplateLibrary(templates: templates, lexicons: lexicons)
    }

    /// The niche's template in that language, else the generic one.
    package func template(niche: String, language: Language) -> ScriptTemplate {
        let candidates = templates.filter { $0.language == language }
        return candidates.first { $0.matches(niche: niche) }
            ?? candidates.first { $0.niche == ScriptTemplate.genericNiche }!
    }

    package func lexicon(for language: Language) -> Lexicon { lexicons[language] ?? Lexicon.empty(language) }

    /// Each language's stopwords, accent-folded: what ``LanguageGuess`` compares.
    package var foldedStopwords: [Language: Set<String>] {
        Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, Set(lexicon(for: $0).stopwords.map(Slug.fold))) })
    }

    /// Every language's stopwords together, accent-folded: never a card's accent word nor a search term.
    package var foldedStopwordsOfEveryLanguage: Set<String> {
        foldedStopwords.values.reduce(into: Set<String>()) { $0.formUnion($1) }
    }

    /// A template's text, read as inbox files are (issue 12) except that a link the creator made
    /// is followed: only to a regular file, never a pipe or a device, and through the YAML guard
    /// (no anchors, bounded nesting) before Yams decodes it.
    private static func guardedText(_ url: URL) throws -> String {
        let data = try InputFile.read(url, displayName: url.path, followingLinks: true)
        let text = String(decoding: data, as: UTF8.self)
        try YAMLGuard.check(text, file: url.path)
        return text
    }

    /// What went wrong, without quoting the file: Yams' own description prints the offending
    /// line, and a template may be a link to a file that is nobody's business.
    private static func safeDetail(_ error: any Error) -> String {
        switch error {
        case let error as InputError:
            return error.location + ": " + error.problem
        case let error as YamlError:
            if case .scanner(let context, let problem, let mark, _) = error {
                return "line \(mark.line): " + YAMLSyntaxMessage(problem: problem, context: context?.text).problem
            }
            if case .parser(let context, let problem, let mark, _) = error {
                return "line \(mark.line): " + YAMLSyntaxMessage(problem: problem, context: context?.text).problem
            }
            return "the YAML cannot be read"
        case let error as DecodingError:
            switch error {
            case .keyNotFound(let key, _): return "the key `\(Excerpt.quote(key.stringValue))` is missing"
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                let path = context.codingPath.map { Excerpt.quote($0.stringValue) }.joined(separator: ".")
                return "`\(path)` does not have the expected type"
            @unknown default: return "it does not have the expected shape"
            }
        default:
            return "it cannot be read"
        }
    }
}
