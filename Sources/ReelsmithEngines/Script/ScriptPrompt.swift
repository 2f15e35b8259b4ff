import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// The instructions a model gets to write a script (DESIGN §2, stage 1), in the request's
/// language and tone, with the niche's trends and the learning insights.
enum ScriptPrompt {
    package static func messages(_ brief: ScriptBrief, variant: Int) -> [ChatCompletionRequest.Message] {
        let request = brief.request
        let targets = brief.targets
        let language = LanguageGuess.name(request.language)
        let words = Int((Double(targets.durationSeconds) * SpeakingRate.wordsPerSecond(request.language)).rounded())
        let system = """
            You write scripts for short vertical videos (TikTok, Reels, Shorts) that hold attention to the end.
            Write every text in \(language) only, except `image_prompt`, which is in English.
            Tone: \(request.tone == "default" ? "natural and direct" : request.tone).
            Rules:
            - exactly \(request.images) scenes; a voice reads their `narration` one after another;
            - about \(words) words of narration in all (\(targets.durationSeconds) seconds spoken);
            - `hook`: at most \(targets.hookMaxWords) words, a question, a number or a bold claim; scene 1's narration starts with it;
            - `call_to_action`: one sentence; the last scene's narration ends with it;
            - narration is speech only: no hashtags, emoji, links, markdown or stage directions;
            - `key_phrase`: 3 to 7 words shown on screen in that scene;
            - `hashtags`: \(targets.hashtagCount) of them, each starting with #, without spaces, at least one naming the niche;
            - `description`: the post's caption, one or two sentences, without the hashtags.
            Answer with one JSON object and nothing else.
            """
        var user = ["Niche: \(request.niche)"]
        user.append(
            request.topic.map { "Topic: \(quoted($0))" }
                ?? "Topic: choose the most promising one from the trends below.")
        if !brief.trends.isEmpty {
            user.append(
                "Trending in this niche now:\n"
                    + brief.trends.prefix(5).map { "- \(quoted($0.title)) (\($0.views) views)" }.joined(separator: "\n")
            )
        }
        if !brief.insights.isEmpty {
            user.append(
                "What this creator's own analytics show:\n"
                    + brief.insights.prefix(5).map { "- \($0)" }.joined(separator: "\n"))
        }
        if let url = request.inspirationURL {
            user.append("Inspiration, as context only (not fetched): \(url)")
        }
        if request.variants > 1 {
            user.append(
                "This is variant \(variant) of \(request.variants): take an angle the other variants would not.")
        }
        return [.system(system), .user(user.joined(separator: "\n\n"))]
    }

    /// Creator and trend text is data, not instructions: one line, in quotes.
    package static func quoted(_ text: String) -> String {
        "\"" + text.split(whereSeparator: \.isNewline).joined(separator: " ").replacingOccurrences(of: "\"", with: "'")
            + "\""
    }
}
