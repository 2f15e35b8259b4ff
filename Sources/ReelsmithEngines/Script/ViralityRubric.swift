import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// The offline virality rubric: a deterministic reading of the seed's five criteria
/// (hook 25, structure 25, timing 20, emotional triggers 20, SEO/hashtags 10) with the
/// language's lexicon.
struct ViralityRubric: Sendable {
    package let lexicon: Lexicon
    /// The lexicon's entries folded and split into tokens once, not per script: the back catalogue
    /// (issue 23) scores 100,000 captions, and folding every entry for each cost 1.3 ms a caption.
    private let curiosityPhrases: [[String]]
    private let triggerPhrases: [[String]]
    private let ctaPhrases: [[String]]
    private let triggerWords: Set<String>

    package init(lexicon: Lexicon) {
        self.lexicon = lexicon
        curiosityPhrases = lexicon.curiosityWords.map(ScriptText.tokens)
        triggerPhrases = lexicon.emotionalTriggers.map(ScriptText.tokens)
        ctaPhrases = lexicon.ctaPhrases.map(ScriptText.tokens)
        triggerWords = Set(lexicon.emotionalTriggers.map(Slug.fold))
    }

    /// ``ScriptText/contains(_:inTokens:)`` with the phrase already split.
    private static func contains(_ needle: [String], in tokens: [String]) -> Bool {
        guard !needle.isEmpty, needle.count <= tokens.count else { return false }
        if needle.count == 1 { return tokens.contains(needle[0]) }
        for start in 0...(tokens.count - needle.count) where Array(tokens[start..<start + needle.count]) == needle {
            return true
        }
        return false
    }

    package func score(_ script: Script, niche: String, targetDurationSeconds: Int, requestedScenes: Int)
        -> ViralityScore
    {
        ViralityScore(criteria: [
            hook(script),
            structure(script, requestedScenes: requestedScenes),
            timing(script, target: targetDurationSeconds),
            emotion(script),
            seo(script, niche: niche),
        ])
    }

    /// Raise whenever a criterion's scoring changes: the back catalogue's captions are scored again.
    package static let version = 1

    /// The criteria a posted caption allows (issue 23), scored by the same code as a script's:
    /// the hook is the caption's first sentence, the emotional triggers its words, SEO its hashtags
    /// and length; structure and timing need a script and a duration, so they stay unknown (nil).
    package func captionCriteria(_ caption: String, niche: String) -> CaptionCriteria {
        let words = RubricFold.words(caption)
        let hashtags = words.filter { $0.hasPrefix("#") || $0.hasPrefix("＃") }.map(String.init)
        let body = words.filter { !($0.hasPrefix("#") || $0.hasPrefix("＃")) }.joined(separator: " ")
        let end = body.firstIndex { ".!?…\n".contains($0) }.map { body.index(after: $0) } ?? body.endIndex
        let firstSentence = String(body[..<end]).trimmingCharacters(in: .whitespaces)
        let script = Script(
            title: firstSentence, hook: firstSentence, script: body, scenes: [], hashtags: hashtags,
            description: caption,
            callToAction: "", durationSeconds: 0, language: lexicon.language, template: ScriptTemplate.genericNiche)
        return CaptionCriteria(
            points: [hook(script).points, nil, nil, emotion(script).points, seo(script, niche: niche).points],
            hookWords: RubricFold.wordCount(firstSentence))
    }

    private func hook(_ script: Script) -> ViralityScore.Criterion {
        let words = RubricFold.wordCount(script.hook)
        let tokens = RubricFold.tokens(script.hook)
        var points = 0
        var notes: [String] = []
        switch words {
        case 4...12:
            points += 10
            notes.append("\(words) words, quick to hear")
        case 3, 13...16:
            points += 5
            notes.append("\(words) words, a little \(words < 4 ? "short" : "long")")
        default:
            points += 2
            notes.append("\(words) words, \(words < 4 ? "too short to intrigue" : "too long for the first 2 seconds")")
        }
        if script.hook.contains("?") || script.hook.contains(where: \.isNumber) {
            points += 5
            notes.append("opens a question or a number")
        }
        if curiosityPhrases.contains(where: { Self.contains($0, in: tokens) }) {
            points += 5
            notes.append("uses a curiosity word")
        }
        if triggerPhrases.contains(where: { Self.contains($0, in: tokens) }) {
            points += 5
            notes.append("carries an emotional trigger")
        }
        return .init(
            name: "hook", points: min(25, points), maximum: 25, reason: "Hook: " + notes.joined(separator: "; "))
    }

    private func structure(_ script: Script, requestedScenes: Int) -> ViralityScore.Criterion {
        var points = 0
        var notes: [String] = []
        if script.scenes.count == requestedScenes {
            points += 5
            notes.append("\(script.scenes.count) scenes as requested")
        } else {
            notes.append("\(script.scenes.count) scenes for \(requestedScenes) requested")
        }
        let ctaTokens = RubricFold.tokens(script.callToAction)
        if ctaPhrases.contains(where: { Self.contains($0, in: ctaTokens) }) {
            points += 8
            notes.append("a clear call to action")
        } else if !script.callToAction.isEmpty {
            points += 4
            notes.append("a call to action without an action verb")
        } else {
            notes.append("no call to action")
        }
        let counts = script.scenes.map { Double(ScriptText.wordCount($0.narration)) }
        let mean = counts.reduce(0, +) / Double(max(1, counts.count))
        let deviation = (counts.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(max(1, counts.count)))
            .squareRoot()
        let variation = mean > 0 ? deviation / mean : 1
        if variation < 0.35 {
            points += 6
            notes.append("balanced scenes")
        } else if variation < 0.6 {
            points += 3
            notes.append("uneven scenes")
        } else {
            notes.append("very uneven scenes")
        }
        let opensWithHook = script.scenes.first?.narration.hasPrefix(script.hook) ?? false
        let closesWithCTA = script.scenes.last?.narration.hasSuffix(script.callToAction) ?? false
        if opensWithHook && closesWithCTA {
            points += 6
            notes.append("hook first, call to action last")
        }
        return .init(
            name: "structure", points: min(25, points), maximum: 25,
            reason: "Structure: " + notes.joined(separator: "; "))
    }

    private func timing(_ script: Script, target: Int) -> ViralityScore.Criterion {
        let estimate = script.durationSeconds
        let gap = abs(Double(estimate - target)) / Double(max(1, target))
        var points: Int
        switch gap {
        case ...0.10: points = 14
        case ...0.20: points = 10
        case ...0.35: points = 5
        default: points = 0
        }
        let sweetSpot: String
        switch estimate {
        case 15...60:
            points += 6
            sweetSpot = "inside the 15–60 s range that holds viewers"
        case 61...90:
            points += 3
            sweetSpot = "longer than 60 s, where retention drops"
        default:
            sweetSpot = estimate < 15 ? "under 15 s, too short to land a point" : "over 90 s, hard to watch to the end"
        }
        return .init(
            name: "timing", points: points, maximum: 20,
            reason:
                "Timing: about \(estimate) s spoken for a \(target) s target (\(Int((gap * 100).rounded())) % off), \(sweetSpot)"
        )
    }

    private func emotion(_ script: Script) -> ViralityScore.Criterion {
        let tokens = RubricFold.tokens(script.script)
        let hits = tokens.filter { triggerWords.contains($0) }.count
        let density = Double(hits) / Double(max(1, tokens.count))
        let points = min(20, Int((density / 0.03 * 20).rounded()))
        let percent = (density * 1000).rounded() / 10
        return .init(
            name: "emotional_triggers", points: points, maximum: 20,
            reason: "Emotional triggers: \(hits) trigger words in \(tokens.count) (\(percent) %; 3 % scores full)")
    }

    private func seo(_ script: Script, niche: String) -> ViralityScore.Criterion {
        var points = 0
        var notes: [String] = []
        let count = script.hashtags.count
        switch count {
        case 3...5:
            points += 5
            notes.append("\(count) hashtags, the sweet spot")
        case 1...2, 6...8:
            points += 3
            notes.append("\(count) hashtags (3–5 work best)")
        default:
            notes.append("\(count) hashtags (3–5 work best)")
        }
        let nicheWord = RubricFold.nicheWord(niche)
        let templateWord = script.template
        if script.hashtags.contains(where: {
            let tag = RubricFold.fold($0)
            return tag.contains(nicheWord)
                || (templateWord != ScriptTemplate.genericNiche && tag.contains(templateWord))
        }) {
            points += 3
            notes.append("a niche hashtag")
        } else {
            notes.append("no hashtag names the niche")
        }
        let captionLength = script.description.count
        if (40...300).contains(captionLength) {
            points += 2
            notes.append("a \(captionLength)-character caption")
        } else {
            notes.append("a \(captionLength)-character caption (aim for 40–300)")
        }
        return .init(name: "seo_hashtags", points: points, maximum: 10, reason: "SEO: " + notes.joined(separator: "; "))
    }
}
