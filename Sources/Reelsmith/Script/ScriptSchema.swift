/// The JSON Schema of the part of a ``Script`` a model writes (title, hook, scenes with their
/// narration, key phrase and image prompt, hashtags, description, call to action). The rest
/// (scene numbers, the whole narration, the spoken length, the language) is derived by our code.
/// Strict mode (`additionalProperties: false`, every key required) as OpenAI's structured
/// outputs ask: https://platform.openai.com/docs/guides/structured-outputs
enum ScriptSchema {
    static let name = "video_script"

    /// The keys the model fills, in ``Script``'s own coding keys.
    static let scriptKeys = [
        Script.CodingKeys.title, .hook, .scenes, .hashtags, .description, .callToAction,
    ].map(\.stringValue)
    static let sceneKeys = [Script.Scene.CodingKeys.narration, .keyPhrase, .imagePrompt].map(\.stringValue)

    static func schema(sceneCount: Int) -> JSONValue {
        let scene = object(
            [
                "narration": string("What the voice says in this scene: whole sentences, no hashtags, emoji or stage directions."),
                "key_phrase": string("3 to 7 words shown on screen during the scene."),
                "image_prompt": string(
                    "In English: the picture for this scene, for an image generator; vertical 9:16, no text in the picture."),
            ], order: sceneKeys)
        return object(
            [
                "title": string("The video's title, at most 80 characters."),
                "hook": string("The first sentence, said in the first 2 seconds; it is also the start of scene 1's narration."),
                "scenes": .object([
                    "type": .string("array"), "minItems": .number(Double(sceneCount)), "maxItems": .number(Double(sceneCount)),
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

/// A model's script as it comes over the wire, before our checks turn it into a ``Script``.
struct ModelScript: Sendable, Codable, Equatable {
    struct Scene: Sendable, Codable, Equatable {
        var narration: String
        var keyPhrase: String
        var imagePrompt: String

        enum CodingKeys: String, CodingKey {
            case narration
            case keyPhrase = "key_phrase"
            case imagePrompt = "image_prompt"
        }
    }

    var title: String
    var hook: String
    var scenes: [Scene]
    var hashtags: [String]
    var description: String
    var callToAction: String

    enum CodingKeys: String, CodingKey {
        case title, hook, scenes, hashtags, description
        case callToAction = "call_to_action"
    }
}
