import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// The parsers of a model's answers as a public surface, for the fuzz package (`Fuzz/`), as
/// ``InboxDecoders`` is for the inbox: the text a chat completion carried, through
/// ``JSONAnswer`` and the script's or the score's check. Each throws the ``AnswerProblem`` the
/// model would be sent back.
public enum ModelAnswerDecoders {
    /// A script answer for a request of `scenes` scenes (1 to 12) in French or English.
    public static func decodeScript(_ content: String, isFrench: Bool, scenes: Int) throws {
        var request = GenerationRequest(niche: "fitness", topic: "the morning workout", language: isFrench ? .fr : .en)
        request.durationSeconds = 30
        request.images = min(12, max(1, scenes))
        let brief = ScriptBrief(
            request: request, targets: ScriptTargets(durationSeconds: 30), trends: [], insights: [])
        let check = ScriptAnswerCheck(brief: brief, templateNiche: "fitness", stopwords: [:])
        _ = try check.script(from: try JSONAnswer.extract(from: content))
    }

    /// A virality score answer.
    public static func decodeScore(_ content: String) throws {
        _ = try ScoreAnswerCheck.score(from: try JSONAnswer.extract(from: content))
    }
}
