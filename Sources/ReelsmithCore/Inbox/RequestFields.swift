/// The keys of a request file (DESIGN §1), read by ``GenerationRequest`` and turned into
/// `request.schema.json`: one place for their names, ranges, defaults and examples.
package enum RequestFields {
    /// A niche is a name: no path separators, not hidden, a few words.
    static let nicheRule = FieldSpec.TextRule(
        suggestions: .niches, isNonBlank: true, maximumLength: 60, pattern: #"^[^/\\.][^/\\]*$"#)

    package static let kind = FieldSpec(
        "kind", .constant("request"), summary: "What this file is; the inbox folder says it too.",
        example: .string("request"))
    package static let niche = FieldSpec.text(
        "niche", nicheRule,
        summary:
            "The niche the video is for: its templates, its trends, its learning. Any name; the project's niches are suggested.",
        example: "motivation", isRequired: true)
    package static let topic = FieldSpec.text(
        "topic", .init(maximumLength: GenerationRequest.maximumTopicLength),
        summary:
            "What the video is about, spoken in the hook (at most 300 characters). Absent: chosen from the niche's best trends.",
        example: "la routine du matin")
    package static let tone = FieldSpec.text(
        "tone", summary: "Free text passed to the script engine (`inspirant`, `energetic and educational`).",
        default: "default", example: "inspirant")
    /// Read in any case (`FR` is `fr`).
    package static let language = FieldSpec.text(
        "language",
        .init(
            suggestions: .fixed(Language.allCases.map(\.rawValue)),
            pattern: FieldSpec.anyCase(Language.allCases.map(\.rawValue)), acceptsOtherScalars: false),
        summary:
            "The language of the script, voice and captions: \(Language.allCases.map(\.rawValue).joined(separator: " or ")).",
        default: "en", example: "fr")
    package static let voice = FieldSpec.text(
        "voice", .init(suggestions: .voices),
        summary: "The voice: `default` is the language's espeak-ng voice; any voice `espeak-ng --voices` lists works.",
        default: "default", example: "default")
    package static let duration = FieldSpec.integer(
        "duration", 15...180, summary: "Target length of the video, in seconds.", default: 45, example: 45)
    package static let images = FieldSpec.integer(
        "images", 1...12, summary: "Scenes, one picture each.", default: 5, example: 5)
    package static let variants = FieldSpec.integer(
        "variants", 1...10, summary: "Scripts written and scored; the best one is rendered.", default: 1, example: 3)
    package static let inspirationURL = FieldSpec.text(
        "inspiration_url", .init(pattern: "^[Hh][Tt][Tt][Pp][Ss]?://", acceptsOtherScalars: false),
        summary: "A video or page used as context only (never fetched without a provider); a full http(s) address.",
        example: "https://www.tiktok.com/@user/video/7300000000000000001")
    package static let music = FieldSpec.text(
        "music", .init(suggestions: .music, pattern: #"^[^/.]"#),
        summary: "A file under templates/music/ (its name, with or without extension), or `none`.",
        example: "calm")
    package static let seed = FieldSpec.integer(
        "seed", 0...Int(Int32.max),
        summary: "Seeds the offline engine's choices: the same request and seed give the same script.",
        default: 0, example: 7)
    package static let force = FieldSpec(
        "force", .flag, summary: "Run again even when the same content was already processed.", default: .bool(false),
        example: .bool(true))
    package static let engines = FieldSpec(
        "engines", .mapping(EngineFields.requestTable),
        summary:
            "This request's engines, over reelsmith.yaml's, key by key (no `command`: a request may come from another device).",
        example: .object(["script": .object(["provider": .string("openai"), "model": .string("gpt-4o-mini")])]))

    package static let visuals = FieldSpec.choice(
        "visuals", VisualsMode.allCases.map(\.rawValue),
        summary:
            "What the scenes show: `auto` a clip where one matches the scene, else the still; `images` stills only; `clips` a clip for every scene that can get one.",
        default: "auto", example: "auto")

    /// In the order messages list them.
    package static let table = FieldTable(
        [
            kind, niche, topic, tone, language, voice, duration, images, variants, inspirationURL, music, seed, force,
            engines, visuals,
        ],
        summary: "A generation request: drop it into inbox/requests/ (README, \"Inbox formats\").")
}
