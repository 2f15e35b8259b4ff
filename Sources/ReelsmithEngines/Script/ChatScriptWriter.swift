import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// Scripts from a chat model (DESIGN §7): the prompt of ``ScriptPrompt``, the schema of
/// ``ScriptSchema``, the answer checked by ``ScriptAnswerCheck``.
package struct ChatScriptWriter: ScriptWriter {
    package let model: ChatModel
    package let templateNiche: String
    package let stopwords: [Language: Set<String>]

    package init(model: ChatModel, templateNiche: String, stopwords: [Language: Set<String>]) {
        self.model = model
        self.templateNiche = templateNiche
        self.stopwords = stopwords
    }

    package func write(_ brief: ScriptBrief, variant: Int) async throws -> Script {
        let check = ScriptAnswerCheck(brief: brief, templateNiche: templateNiche, stopwords: stopwords)
        return try await model.answer(
            ScriptPrompt.messages(brief, variant: variant), schemaName: ScriptSchema.name,
            schema: ScriptSchema.schema(sceneCount: brief.request.images), seed: brief.request.seed * 100 + variant
        ) { json throws(AnswerProblem) in try check.script(from: json) }
    }
}
