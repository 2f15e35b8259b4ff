/// A video script (DESIGN §2, stage 1), written to `script.json`.
package struct Script: Sendable, Codable, Equatable {
    package var title: String
    package var hook: String
    /// The whole narration, scene after scene.
    package var script: String
    package var scenes: [Scene]
    package var hashtags: [String]
    package var description: String
    package var callToAction: String
    /// The spoken length estimated from the word count and the voice's speaking rate.
    package var durationSeconds: Int
    package var language: Language
    /// The niche template that wrote it (`generic` when the niche had none).
    package var template: String

    package init(
        title: String, hook: String, script: String, scenes: [Scene], hashtags: [String], description: String,
        callToAction: String, durationSeconds: Int, language: Language, template: String
    ) {
        self.title = title
        self.hook = hook
        self.script = script
        self.scenes = scenes
        self.hashtags = hashtags
        self.description = description
        self.callToAction = callToAction
        self.durationSeconds = durationSeconds
        self.language = language
        self.template = template
    }

    package struct Scene: Sendable, Codable, Equatable {
        /// 1-based, matching `images/01.png`.
        package var index: Int
        package var narration: String
        /// The short phrase set on the scene's image.
        package var keyPhrase: String
        package var imagePrompt: String
        /// 1–3-word English terms to find footage for the scene, when a model wrote them (issue 9).
        package var searchTerms: [String]? = nil

        package init(
            index: Int, narration: String, keyPhrase: String, imagePrompt: String, searchTerms: [String]? = nil
        ) {
            self.index = index
            self.narration = narration
            self.keyPhrase = keyPhrase
            self.imagePrompt = imagePrompt
            self.searchTerms = searchTerms
        }
    }

    package enum CodingKeys: String, CodingKey {
        case title, hook, script, scenes, hashtags, description, language, template
        case callToAction = "call_to_action"
        case durationSeconds = "duration_seconds"
    }
}

extension Script.Scene {
    package enum CodingKeys: String, CodingKey {
        case index, narration
        case keyPhrase = "key_phrase"
        case imagePrompt = "image_prompt"
        case searchTerms = "search_terms"
    }
}
