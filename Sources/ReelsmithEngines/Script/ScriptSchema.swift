import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// The JSON Schema of the part of a ``Script`` a model writes (title, hook, scenes with their
/// narration, key phrase and image prompt, hashtags, description, call to action). The rest
/// (scene numbers, the whole narration, the spoken length, the language) is derived by our code.
/// Strict mode (`additionalProperties: false`, every key required) as OpenAI's structured
/// outputs ask: https://platform.openai.com/docs/guides/structured-outputs
enum ScriptSchema {
    package static let name = "video_script"

    /// The keys the model fills, in ``Script``'s own coding keys.
    static let scriptKeys = [
        Script.CodingKeys.title, .hook, .scenes, .hashtags, .description, .callToAction,
    ].map(\.stringValue)
    static let sceneKeys = [Script.Scene.CodingKeys.narration, .keyPhrase, .imagePrompt, .searchTerms].map(
        \.stringValue)

    package static func schema(sceneCount: Int) -> JSONValue {
        let scene = object(
            [
                "narration": string(
                    "What the voice says in this scene: whole sentences, no hashtags, emoji or stage directions."),
                "key_phrase": string("3 to 7 words shown on screen during the scene."),
                "image_prompt": string(
                    "In English: the picture for this scene, for an image generator; vertical 9:16, no text in the picture."
                ),
                // Issue 9: what stock footage sites are searched with, as MoneyPrinterTurbo asks.
                "search_terms": .object([
                    "type": .string("array"), "minItems": .number(1), "maxItems": .number(3),
                    "description": .string(
                        "In English: 1 to 3 search terms of 1 to 3 words each, for stock video of this scene (e.g. \"morning run\", \"coffee\")."
                    ),
                    "items": .object(["type": .string("string")]),
                ]),
            ], order: sceneKeys)
        return object(
            [
                "title": string("The video's title, at most 80 characters."),
                "hook": string(
                    "The first sentence, said in the first 2 seconds; it is also the start of scene 1's narration."),
                "scenes": .object([
                    "type": .string("array"), "minItems": .number(Double(sceneCount)),
                    "maxItems": .number(Double(sceneCount)),
                    "items": scene,
                ]),
                "hashtags": .object([
                    "type": .string("array"),
                    "items": .object(["type": .string("string"), "pattern": .string("^#[^\\s#]+$")]),
                ]),
                "description": string("The post's caption, without its hashtags."),
                "call_to_action": string("The last sentence; it is also the end of the last scene's narration."),
            ], order: scriptKeys)
    }

    private static func string(_ description: String) -> JSONValue {
        .object(["type": .string("string"), "description": .string(description)])
    }

    private static func object(_ properties: [String: JSONValue], order: [String]) -> JSONValue {
        .object([
            "type": .string("object"), "properties": .object(properties),
            "required": .array(order.map(JSONValue.string)), "additionalProperties": .bool(false),
        ])
    }
}
