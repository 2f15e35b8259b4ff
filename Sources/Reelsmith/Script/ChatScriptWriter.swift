/// Scripts from a chat model (DESIGN §7): the prompt of ``ScriptPrompt``, the schema of
/// ``ScriptSchema``, the answer checked by ``ScriptAnswerCheck``.
struct ChatScriptWriter: ScriptWriter {
    let model: ChatModel
    let templateNiche: String
    let stopwords: [Language: Set<String>]

    func write(_ brief: ScriptBrief, variant: Int) async throws -> Script {
        let check = ScriptAnswerCheck(brief: brief, templateNiche: templateNiche, stopwords: stopwords)
        return try await model.answer(
            ScriptPrompt.messages(brief, variant: variant), schemaName: ScriptSchema.name,
            schema: ScriptSchema.schema(sceneCount: brief.request.images), seed: brief.request.seed * 100 + variant
        ) { json throws(AnswerProblem) in try check.script(from: json) }
    }
}
