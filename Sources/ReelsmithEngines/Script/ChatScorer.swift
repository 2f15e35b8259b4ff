import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// Virality scores from a chat model: the seed's five criteria and caps, each with a reason; our
/// code clamps the points and sums the total (``ScoreAnswerCheck``).
struct ChatScorer: Scorer {
    package let model: ChatModel

    package func score(_ script: Script, brief: ScriptBrief) async throws -> ViralityScore {
        try await model.answer(
            Self.messages(script, brief: brief), schemaName: ScoreSchema.name, schema: ScoreSchema.schema()
        ) {
            json throws(AnswerProblem) in try ScoreAnswerCheck.score(from: json)
        }
    }

    package static func messages(_ script: Script, brief: ScriptBrief) -> [ChatCompletionRequest.Message] {
        let caps = ScoreSchema.criteria.map { "- \($0.name) (0 to \($0.maximum) points): \($0.meaning)" }.joined(
            separator: "\n")
        let system = """
            You review scripts of short vertical videos (TikTok) and predict how well they will perform. Be strict:
            an average script scores about 50 in total. Score these five criteria, each within its points:
            \(caps)
            Give each a one-sentence reason in \(LanguageGuess.name(brief.request.language)).
            Answer with one JSON object and nothing else.
            """
        let scenes = script.scenes.map { "Scene \($0.index): \($0.narration)" }.joined(separator: "\n")
        let user = """
            Niche: \(brief.request.niche)
            Target: \(brief.targets.durationSeconds) seconds, \(brief.request.images) scenes; this script speaks about \(script.durationSeconds) seconds in \(script.scenes.count) scenes.
            Title: \(ScriptPrompt.quoted(script.title))
            Hook: \(ScriptPrompt.quoted(script.hook))
            \(scenes)
            Call to action: \(ScriptPrompt.quoted(script.callToAction))
            Hashtags: \(script.hashtags.joined(separator: " "))
            Caption: \(ScriptPrompt.quoted(script.description))
            """
        return [.system(system), .user(user)]
    }
}
