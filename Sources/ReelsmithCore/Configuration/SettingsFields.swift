/// The keys of `reelsmith.yaml` (STYLE rule 9), read by ``Configuration`` and turned into
/// `config.schema.json`.
package enum SettingsFields {
    package static let preset = FieldSpec.choice(
        "preset", Configuration.presets, summary: "x264 preset: faster encodes larger files.", default: "veryfast",
        example: "veryfast")
    package static let crf = FieldSpec.integer(
        "crf", 0...51, summary: "x264 quality (lower is better and larger).", default: 21, example: 21)
    package static let musicVolumeDB = FieldSpec.number(
        "music_volume_db", -60...0, summary: "Music bed level before ducking, in dB.", default: -14, example: -14)
    package static let motion = FieldSpec.choice(
        "motion", Motion.allCases.map(\.rawValue), summary: "How the stills move.", default: "mixed", example: "mixed")
    package static let motionStrength = FieldSpec.number(
        "motion_strength", 0.01...0.3, summary: "How far a still moves over its scene, as a share of the width.",
        default: 0.06, example: 0.06)
    package static let shotSeconds = FieldSpec.number(
        "shot_seconds", 2...15,
        summary:
            "The longest a shot lasts before the picture changes, in seconds (cuts fall between the voice's words).",
        default: 4, example: 4)
    package static let sceneTransition = FieldSpec.choice(
        "scene_transition", SceneTransition.allCases.map(\.rawValue),
        summary: "How a new scene comes in: a hard cut, or a short crossfade (softer, and slower to render).",
        default: "cut", example: "cut")
    static let renderTable = FieldTable(
        [preset, crf, musicVolumeDB, motion, motionStrength, shotSeconds, sceneTransition],
        summary: "How videos are encoded and how their stills move.")

    package static let settleSeconds = FieldSpec.number(
        "settle_seconds", 0.05...600, summary: "Seconds a file must stay unchanged before it is taken.", default: 1,
        example: 1)
    package static let rescanSeconds = FieldSpec.number(
        "rescan_seconds", 1...86_400, summary: "Seconds between full scans of the inbox.", default: 120, example: 120)
    package static let renders = FieldSpec.integer(
        "renders", 1...16, summary: "Renders at once (CPU-heavy: one per 2 cores).", default: 1, example: 1)
    static let watchTable = FieldTable(
        [settleSeconds, rescanSeconds, renders], summary: "How the daemon watches the inbox.")

    package static let render = FieldSpec(
        "render", .mapping(renderTable), summary: "Encoder and look of the videos.",
        example: .object(["crf": .number(21)]))
    package static let watch = FieldSpec(
        "watch", .mapping(watchTable), summary: "How the daemon watches and schedules.",
        example: .object(["renders": .number(1)]))
    package static let font = FieldSpec.text(
        "font", .init(acceptsOtherScalars: false),
        summary: "The .ttf or .otf file of the captions and title cards (`fc-list` lists them).",
        example: "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
    package static let providers = FieldSpec(
        "providers", .namedMappings(ProviderFields.table), summary: "AI services, under names of your own (DESIGN §7).",
        example: .object(["ollama": .object(["base_url": .string("http://localhost:11434/v1")])]))
    package static let engines = FieldSpec(
        "engines", .mapping(EngineFields.settingsTable),
        summary: "Which engine runs each stage; every stage runs offline by default.",
        example: .object(["script": .object(["provider": .string("ollama"), "model": .string("llama3.1")])]))

    package static let language = FieldSpec.choice(
        "language", Language.allCases.map(\.rawValue),
        summary: "The dashboard's language. Absent: the most common language of the requests.", example: "fr")

    package static let calibrateScore = FieldSpec(
        "calibrate_score", .flag,
        summary: "Once this creator's own weights rank their newest videos better than the seed's, "
            + "best-of-N picks by them; false keeps the seed's weights.",
        default: .bool(true), example: .bool(true))
    static let learningTable = FieldTable(
        [calibrateScore], summary: "How the virality score learns from the creator's videos (issue 23).")
    package static let learning = FieldSpec(
        "learning", .mapping(learningTable), summary: "How the virality score learns from the creator's videos.",
        example: .object(["calibrate_score": .bool(true)]))

    package static let table = FieldTable(
        [render, watch, font, providers, engines, language, learning],
        summary: "Reelsmith's settings, beside inbox/ and outbox/ (README, \"Settings\").")
}
