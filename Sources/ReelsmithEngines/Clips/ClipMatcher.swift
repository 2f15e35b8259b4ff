import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// Chooses a library clip for each scene (issue 9): ranked by overlap with the scene's search
/// terms, then orientation (portrait, square, landscape), then whether it covers the scene without
/// looping, then resolution. A clip is not used twice in a video while another one matches.
/// Words are compared by their ``wordForm(_:)``: `running`, `runs` and `run` are one word.
struct ClipMatcher: Sendable {
    package let clips: [LibraryClip]
    /// Each clip's keywords as word forms, by path.
    private let keywordForms: [String: Set<String>]

    package init(clips: [LibraryClip]) {
        self.clips = clips
        keywordForms = Dictionary(
            clips.map { ($0.path, Set($0.keywordSet.map(Self.wordForm))) }, uniquingKeysWith: { first, _ in first })
    }

    /// How well a clip answers terms: each term counts the share of its words among the clip's
    /// keywords (`morning run` against {run, beach} counts 0.5), word forms compared.
    package static func overlap(terms: [String], keywords: Set<String>) -> Double {
        overlap(terms: terms, keywordForms: Set(keywords.map(wordForm)))
    }

    private static func overlap(terms: [String], keywordForms: Set<String>) -> Double {
        terms.reduce(0) { total, term in
            let words = term.split(separator: " ").map { wordForm(String($0)) }
            guard !words.isEmpty else { return total }
            return total + Double(words.filter(keywordForms.contains).count) / Double(words.count)
        }
    }

    /// A light normalisation of a folded, lowercased word, so that a term and a file name written
    /// in another grammatical form still meet: English plurals (`workouts`, `beaches`, `cities`),
    /// `-ing` and `-ed` (`running`, `stopped`, `danced`), French plurals in `-s` and `-x`
    /// (`légumes`, `gâteaux`, `chevaux`), and a final `-e` or `-y` (`dance`/`dancing`,
    /// `city`/`cities`). Not a stemmer: the two sides only need to land on the same form.
    static func wordForm(_ word: String) -> String {
        guard word.count > 3, !word.allSatisfy(\.isNumber) else { return word }
        var form = word
        func drop(_ count: Int) { form.removeLast(count) }
        let hasVowel = { (text: Substring) in text.contains { "aeiouy".contains($0) } }
        // Plurals: French -x first, then English and French -s.
        if form.hasSuffix("eaux") || form.hasSuffix("eux") || form.hasSuffix("oux") {
            drop(1)
        } else if form.hasSuffix("aux"), form.count > 4 {
            drop(2)
            form += "l"
        } else if form.hasSuffix("ies"), form.count > 4 {
            drop(2)
        } else if ["sses", "ches", "shes", "xes", "zes"].contains(where: form.hasSuffix) {
            drop(2)
        } else if form.hasSuffix("s"), !["ss", "us", "is"].contains(where: form.hasSuffix) {
            drop(1)
        }
        // Verb endings, when a real stem (three letters or more, with a vowel) is left.
        var isVerbForm = false
        if form.hasSuffix("ing"), form.count >= 6, hasVowel(form.dropLast(3)) {
            drop(3)
            isVerbForm = true
        } else if form.hasSuffix("ed"), !form.hasSuffix("eed"), form.count >= 5, hasVowel(form.dropLast(2)) {
            drop(2)
            isVerbForm = true
        }
        // `runn` → `run`, `stopp` → `stop`; `fall`, `kiss`, `buzz` keep theirs.
        if isVerbForm, let last = form.last, form.dropLast().last == last, !"aeiouylsz".contains(last) {
            drop(1)
        }
        // `city`, `cities` → `citi`; `dance`, `danced`, `dancing` → `danc`.
        if form.count > 3, form.hasSuffix("y"), let before = form.dropLast().last, !"aeiou".contains(before) {
            drop(1)
            form += "i"
        } else if form.count > 3, form.hasSuffix("e") {
            drop(1)
        }
        return form
    }

    package struct Match: Sendable, Equatable {
        package var clip: LibraryClip
        package var overlap: Double
        var matchedWords: [String]
        var isReuse: Bool
    }

    /// The best clip for a scene, preferring one not in `used`; nil when none shares a word with
    /// the terms.
    /// `matchedWords` are the clip's own keywords that met a term's word.
    package func best(terms: [String], sceneSeconds: Double, used: Set<String>) -> Match? {
        let termForms = Set(terms.flatMap { $0.split(separator: " ").map { Self.wordForm(String($0)) } })
        let ranked = clips.compactMap { clip -> (LibraryClip, Double)? in
            let score = Self.overlap(terms: terms, keywordForms: keywordForms[clip.path] ?? [])
            return score > 0 ? (clip, score) : nil
        }.sorted { isRankedBefore($0, $1, sceneSeconds: sceneSeconds) }
        guard let chosen = ranked.first(where: { !used.contains($0.0.path) }) ?? ranked.first else { return nil }
        return Match(
            clip: chosen.0, overlap: chosen.1,
            matchedWords: chosen.0.keywordSet.filter { termForms.contains(Self.wordForm($0)) }.sorted(),
            isReuse: used.contains(chosen.0.path))
    }

    /// The library clips a scene showing `path` may cut to (issue 21), best first: those matching
    /// the terms, then (with `visuals: clips`, `anyClip`) every other clip.
    func alternates(to path: String, terms: [String], sceneSeconds: Double, anyClip: Bool) -> [LibraryClip] {
        let scored = clips.filter { $0.path != path }.map { clip in
            (clip, Self.overlap(terms: terms, keywordForms: keywordForms[clip.path] ?? []))
        }.filter { anyClip || $0.1 > 0 }
        return scored.sorted { isRankedBefore($0, $1, sceneSeconds: sceneSeconds) }.map(\.0)
    }

    /// Any clip not used yet, best orientation first (`visuals: clips` when nothing matched).
    func anyUnused(sceneSeconds: Double, used: Set<String>) -> LibraryClip? {
        clips.filter { !used.contains($0.path) }.map { ($0, 0.0) }
            .sorted { isRankedBefore($0, $1, sceneSeconds: sceneSeconds) }.first?.0
    }

    private func isRankedBefore(_ a: (LibraryClip, Double), _ b: (LibraryClip, Double), sceneSeconds: Double) -> Bool {
        if a.1 != b.1 { return a.1 > b.1 }
        let orientation: (LibraryClip) -> Int = {
            switch $0.orientation {
            case .portrait: 2
            case .square: 1
            default: 0
            }
        }
        if orientation(a.0) != orientation(b.0) { return orientation(a.0) > orientation(b.0) }
        let covers: (LibraryClip) -> Bool = { ($0.durationSeconds ?? 0) >= sceneSeconds * SceneClip.slowestSpeed }
        if covers(a.0) != covers(b.0) { return covers(a.0) }
        let pixels: (LibraryClip) -> Int = { min(($0.width ?? 0) * ($0.height ?? 0), 1080 * 1920) }
        if pixels(a.0) != pixels(b.0) { return pixels(a.0) > pixels(b.0) }
        return a.0.path < b.0.path
    }
}
