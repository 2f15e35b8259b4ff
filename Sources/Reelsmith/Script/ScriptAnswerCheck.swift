import Foundation

/// Turns a model's script into a ``Script``, or says what is wrong with it so that the model can
/// try once more (DESIGN §7: answers are checked with the offline engine's types and rules).
struct ScriptAnswerCheck: Sendable {
    let brief: ScriptBrief
    /// The niche template the offline engine would use; the rubric reads it.
    let templateNiche: String
    let stopwords: [Language: Set<String>]

    static let maximumTitleLength = 100
    static let maximumDescriptionLength = 2200
    static let maximumHashtags = 30

    func script(from json: Data) throws(AnswerProblem) -> Script {
        let answer: ModelScript
        do {
            answer = try JSONDecoder().decode(ModelScript.self, from: json)
        } catch {
            throw AnswerProblem("the JSON does not match the schema (\(Self.describe(error)))")
        }
        let request = brief.request
        func clean(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
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
        guard !hook.isEmpty, ScriptText.wordCount(hook) <= max(20, brief.targets.hookMaxWords * 2) else {
            throw AnswerProblem("`hook` must be one short sentence of at most \(brief.targets.hookMaxWords) words")
        }
        guard !callToAction.isEmpty else { throw AnswerProblem("`call_to_action` is empty") }
        guard !description.isEmpty, description.count <= Self.maximumDescriptionLength else {
            throw AnswerProblem("`description` must be 1 to \(Self.maximumDescriptionLength) characters")
        }
        let hashtags = answer.hashtags.map(clean)
        guard (1...Self.maximumHashtags).contains(hashtags.count) else {
            throw AnswerProblem("give 1 to \(Self.maximumHashtags) hashtags (there are \(hashtags.count))")
        }
        if let bad = hashtags.first(where: { !$0.hasPrefix("#") || $0.count < 2 || $0.dropFirst().contains { $0.isWhitespace || $0 == "#" } }) {
            throw AnswerProblem("every hashtag must start with # and hold no space; `\(bad.prefix(40))` does not")
        }
        for (position, scene) in answer.scenes.enumerated() {
            guard !clean(scene.narration).isEmpty, !clean(scene.keyPhrase).isEmpty, !clean(scene.imagePrompt).isEmpty else {
                throw AnswerProblem("scene \(position + 1) has an empty `narration`, `key_phrase` or `image_prompt`")
            }
            guard ScriptText.wordCount(scene.keyPhrase) <= 12 else {
                throw AnswerProblem("scene \(position + 1)'s `key_phrase` must be at most 7 words")
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
                "the narration has \(words) words; about \(Int(wanted.rounded())) are needed for \(brief.targets.durationSeconds) seconds")
        }
        let spoken = ([title, description] + narrations).joined(separator: " ")
        if let guessed = LanguageGuess.dominant(in: spoken, stopwords: stopwords), guessed != request.language {
            throw AnswerProblem(
                "it is written in \(LanguageGuess.name(guessed)); every text except `image_prompt` must be in \(LanguageGuess.name(request.language))")
        }
        let scenes = answer.scenes.enumerated().map { position, scene in
            Script.Scene(
                index: position + 1, narration: narrations[position], keyPhrase: clean(scene.keyPhrase),
                imagePrompt: clean(scene.imagePrompt))
        }
        return Script(
            title: title, hook: hook, script: narration, scenes: scenes, hashtags: hashtags,
            description: description + "\n\n" + hashtags.joined(separator: " "), callToAction: callToAction,
            durationSeconds: Int((Double(words) / rate).rounded()), language: request.language, template: templateNiche)
    }

    private static func folded(_ text: String) -> String { ScriptText.tokens(text).joined(separator: " ") }

    /// A decoding error in a sentence a model (and a creator) can act on.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: ["."])
        }
        switch error {
        case let .keyNotFound(key, context): return "missing key `\(path(context.codingPath + [key]))`"
        case let .typeMismatch(_, context): return "`\(path(context.codingPath))` has the wrong type"
        case let .valueNotFound(_, context): return "`\(path(context.codingPath))` is null"
        case .dataCorrupted: return "not valid JSON"
        @unknown default: return "not the expected shape"
        }
    }
}
