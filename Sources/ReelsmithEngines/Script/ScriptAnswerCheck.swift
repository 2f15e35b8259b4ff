import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// Turns a model's script into a ``Script``, or says what is wrong with it so that the model can
/// try once more (DESIGN §7: answers are checked with the offline engine's types and rules).
struct ScriptAnswerCheck: Sendable {
    package let brief: ScriptBrief
    /// The niche template the offline engine would use; the rubric reads it.
    package let templateNiche: String
    package let stopwords: [Language: Set<String>]

    static let maximumTitleLength = 100
    static let maximumDescriptionLength = 2200
    static let maximumHashtags = 30

    package func script(from json: Data) throws(AnswerProblem) -> Script {
        let answer: ModelScript
        do {
            answer = try JSONDecoder().decode(ModelScript.self, from: json)
        } catch {
            throw AnswerProblem("the JSON does not match the schema (\(DecodingProblem.describe(error)))")
        }
        let request = brief.request
        func clean(_ text: String) -> String {
            Self.withoutControlCharacters(text).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let title = clean(answer.title)
        let hook = clean(answer.hook)
        let callToAction = clean(answer.callToAction)
        let description = clean(answer.description)
        guard answer.scenes.count == request.images else {
            throw AnswerProblem("it has \(answer.scenes.count) scenes; exactly \(request.images) are needed")
        }
        guard !title.isEmpty, title.count <= Self.maximumTitleLength else {
            throw AnswerProblem("`title` must be 1 to \(Self.maximumTitleLength) characters (it has \(title.count))")
        }
        let hookLimit = max(20, brief.targets.hookMaxWords * 2)
        guard !hook.isEmpty, ScriptText.wordCount(hook) <= hookLimit, hook.count <= 300 else {
            throw AnswerProblem(
                "`hook` must be one short sentence (aim for \(brief.targets.hookMaxWords) words; at most \(hookLimit))")
        }
        guard !callToAction.isEmpty, callToAction.count <= 300 else {
            throw AnswerProblem("`call_to_action` must be one sentence of at most 300 characters")
        }
        guard !description.isEmpty, description.count <= Self.maximumDescriptionLength else {
            throw AnswerProblem("`description` must be 1 to \(Self.maximumDescriptionLength) characters")
        }
        let hashtags = answer.hashtags.map(clean)
        guard (1...Self.maximumHashtags).contains(hashtags.count) else {
            throw AnswerProblem("give 1 to \(Self.maximumHashtags) hashtags (there are \(hashtags.count))")
        }
        if let bad = hashtags.first(where: {
            !$0.hasPrefix("#") || !(2...50).contains($0.count)
                || $0.dropFirst().contains { $0.isWhitespace || $0 == "#" }
        }) {
            throw AnswerProblem(
                "every hashtag must start with #, hold no space and be at most 50 characters; `\(bad.prefix(40))` does not"
            )
        }
        for (position, scene) in answer.scenes.enumerated() {
            guard !clean(scene.narration).isEmpty, !clean(scene.keyPhrase).isEmpty, !clean(scene.imagePrompt).isEmpty
            else {
                throw AnswerProblem("scene \(position + 1) has an empty `narration`, `key_phrase` or `image_prompt`")
            }
            guard ScriptText.wordCount(scene.keyPhrase) <= 12, scene.keyPhrase.count <= 90 else {
                throw AnswerProblem(
                    "scene \(position + 1)'s `key_phrase` must be short (aim for 3 to 7 words; at most 12)")
            }
            guard scene.narration.count <= 2_000, scene.imagePrompt.count <= 1_000 else {
                throw AnswerProblem("scene \(position + 1)'s `narration` or `image_prompt` is far too long")
            }
            if let terms = scene.searchTerms, !terms.isEmpty,
                SceneSearchTerms.cleaned(terms.map { clean($0) }.filter { $0.count <= 40 }).isEmpty
            {
                throw AnswerProblem(
                    "scene \(position + 1)'s `search_terms` must be 1 to 3 English terms of 1 to 3 words, e.g. [\"morning run\", \"coffee\"]"
                )
            }
        }

        // The hook opens the first scene and the call to action closes the last, as the voice reads them.
        var narrations = answer.scenes.map { clean($0.narration) }
        if !Self.folded(narrations[0]).contains(Self.folded(hook)) { narrations[0] = hook + " " + narrations[0] }
        let last = narrations.count - 1
        if !Self.folded(narrations[last]).contains(Self.folded(callToAction)) { narrations[last] += " " + callToAction }
        let narration = narrations.joined(separator: "\n\n")

        let words = ScriptText.wordCount(narration)
        let rate = SpeakingRate.wordsPerSecond(request.language)
        let wanted = Double(brief.targets.durationSeconds) * rate
        guard Double(words) >= wanted * 0.4, Double(words) <= wanted * 2 else {
            throw AnswerProblem(
                "the narration has \(words) words; about \(Int(wanted.rounded())) are needed for \(brief.targets.durationSeconds) seconds"
            )
        }
        let spoken = ([title, description] + narrations).joined(separator: " ")
        if let guessed = LanguageGuess.dominant(in: spoken, stopwords: stopwords), guessed != request.language {
            throw AnswerProblem(
                "it is written in \(LanguageGuess.name(guessed)); every text except `image_prompt` must be in \(LanguageGuess.name(request.language))"
            )
        }
        guard LanguageGuess.reads(as: request.language, spoken, stopwords: stopwords) else {
            throw AnswerProblem(
                "it does not read as \(LanguageGuess.name(request.language)); every text except `image_prompt` must be in \(LanguageGuess.name(request.language))"
            )
        }
        let scenes = answer.scenes.enumerated().map { position, scene in
            Script.Scene(
                index: position + 1, narration: narrations[position], keyPhrase: clean(scene.keyPhrase),
                imagePrompt: clean(scene.imagePrompt),
                searchTerms: scene.searchTerms.map { SceneSearchTerms.cleaned($0.map(clean).filter { $0.count <= 40 }) }
            )
        }
        return Script(
            title: title, hook: hook, script: narration, scenes: scenes, hashtags: hashtags,
            description: description + "\n\n" + hashtags.joined(separator: " "), callToAction: callToAction,
            durationSeconds: Int((Double(words) / rate).rounded()), language: request.language, template: templateNiche)
    }

    private static func folded(_ text: String) -> String { ScriptText.tokens(text).joined(separator: " ") }

    /// Model text reaches captions, reports and file names: control characters become spaces
    /// (line breaks included; paragraphs are ours to make).
    static func withoutControlCharacters(_ text: String) -> String {
        String(
            String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }
}
