import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia
import Yams

/// The words a library clip is found by (issue 9): its file name (`beach-run_Sunrise2.mp4` →
/// beach, run, sunrise), its sidecar `NAME.txt` (free text), and its entry in the folder's
/// `clips.yaml` (`beach-run.mp4: [ocean, jogging]` or `beach-run.mp4: ocean jogging`).
/// Words are accent-folded and lowercased; numbers and one-letter words are dropped.
enum ClipKeywords {
    static let sidecarLimitBytes = 64 << 10

    /// `goldenHour-beach_02` → golden, hour, beach.
    package static func words(_ text: String) -> [String] {
        var spaced = ""
        var previous: Character?
        for character in text {
            // camelCase boundaries become spaces.
            if let previous, previous.isLowercase, character.isUppercase { spaced.append(" ") }
            spaced.append(character)
            previous = character
        }
        var seen: Set<String> = []
        return ScriptText.tokens(spaced).filter { word in
            word.count > 1 && !word.allSatisfy(\.isNumber) && seen.insert(word).inserted
        }
    }

    /// Keywords per file name from a folder's `clips.yaml`; a mistake is a warning naming the
    /// place, and the rest of the file still counts.
    static func catalog(_ url: URL, warnings: inout [String]) -> [String: [String]] {
        let data: Data
        do {
            data = try InputFile.read(url, displayName: url.path, maximumBytes: 1 << 20)
        } catch {
            warnings.append("\(error)")
            return [:]
        }
        let document: YAMLDocument
        do {
            document = try YAMLDocument.parse(data: data, displayName: url.path)
        } catch {
            warnings.append(
                "\(error) (clips.yaml maps each file name to its keywords, e.g. `beach.mp4: [ocean, sunrise]`)")
            return [:]
        }
        var entries: [String: [String]] = [:]
        for (key, value) in document.root {
            guard let name = key.string else { continue }
            switch value {
            case .scalar(let scalar):
                entries[name] = words(scalar.string)
            case .sequence(let sequence):
                entries[name] = sequence.compactMap(\.string).flatMap(words)
            default:
                let line = key.mark.map { ":\($0.line)" } ?? ""
                warnings.append(
                    "\(url.path)\(line): the keywords of `\(Excerpt.quote(name))` are neither words nor a list — write `\(Excerpt.quote(name)): [word, word]`"
                )
            }
        }
        return entries
    }

    /// The words of a sidecar `NAME.txt`, read without following links and at most 64 KB.
    static func sidecar(_ url: URL, warnings: inout [String]) -> [String] {
        do {
            let data = try InputFile.read(url, displayName: url.path, maximumBytes: sidecarLimitBytes)
            return words(String(decoding: data, as: UTF8.self))
        } catch {
            warnings.append("\(error)")
            return []
        }
    }
}
