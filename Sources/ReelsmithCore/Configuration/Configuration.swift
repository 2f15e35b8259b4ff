import Foundation

/// Everything that can be set, in one place (STYLE rule 9): read once at start from the optional
/// `reelsmith.yaml` in the project folder and from the environment, validated, then passed down.
/// The defaults work offline; command-line flags override the file.
///
/// ```yaml
/// render:
///   preset: veryfast        # x264 preset
///   crf: 21                 # x264 quality, 0..51
///   music_volume_db: -14    # music bed before ducking
///   motion: mixed           # zoom | pan | mixed | none
///   motion_strength: 0.06   # share of the width a still moves over its scene
///   shot_seconds: 4         # the longest shot before the picture changes
///   scene_transition: cut   # cut | crossfade, into each new scene
/// watch:
///   settle_seconds: 1.0
///   rescan_seconds: 120
///   renders: 1              # renders at once
/// font: /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
/// language: fr              # the dashboard's language; default: the most common request language
/// learning:
///   calibrate_score: true   # best-of-N may use this creator's validated weights (issue 23)
/// ```
package struct Configuration: Sendable, Equatable {
    package var tools: Tools
    package var render: RenderSettings
    package var watch: WatchSettings
    /// `providers:`, in the file's order (DESIGN §7).
    package var providers: [ProviderSettings] = []
    /// `engines:`; every stage runs offline unless the file says otherwise.
    package var engines = EngineSettings()
    /// `language:`, the dashboard's language (issue 10); nil: the most common request language.
    package var language: Language?
    /// `learning:`, how the score learns from the creator's videos (issue 23).
    package var learning = LearningSettings()

    package static let fileName = "reelsmith.yaml"

    package init(
        tools: Tools = Tools(), render: RenderSettings = RenderSettings(), watch: WatchSettings = WatchSettings()
    ) {
        self.tools = tools
        self.render = render
        self.watch = watch
    }

    static let presets = [
        "ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow",
    ]

    /// Reads `file` when it exists (a missing file means the defaults), then the environment
    /// (`REELSMITH_FONT`, `REELSMITH_FFMPEG`, `REELSMITH_FFPROBE`), which wins.
    package static func load(
        file: URL, displayName: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(InputError) -> Configuration {
        var configuration = Configuration(tools: Tools(fontFile: nil))
        if FileManager.default.fileExists(atPath: file.path) {
            let document = try YAMLDocument.load(contentsOf: file, displayName: displayName ?? file.path)
            try configuration.apply(document, folder: file.deletingLastPathComponent(), environment: environment)
        }
        if let ffmpeg = environment["REELSMITH_FFMPEG"], !ffmpeg.isEmpty { configuration.tools.ffmpeg = ffmpeg }
        if let ffprobe = environment["REELSMITH_FFPROBE"], !ffprobe.isEmpty { configuration.tools.ffprobe = ffprobe }
        if let font = environment["REELSMITH_FONT"], !font.isEmpty { configuration.tools.fontFile = font }
        return configuration
    }

    private mutating func apply(
        _ document: YAMLDocument, folder: URL, environment: [String: String]
    ) throws(InputError) {
        // The keys, ranges and examples: ``SettingsFields`` (also the source of `config.schema.json`).
        let reader = try MappingReader(document.root, file: document.file, table: SettingsFields.table)
        if let font = try reader.string(SettingsFields.font) {
            guard FileManager.default.fileExists(atPath: font) else {
                throw reader.error(
                    .invalidValue(key: "font"), at: "font", problem: "no font file at \(font)",
                    fix: "give the path of a .ttf or .otf file (`fc-list` lists the installed ones)")
            }
            tools.fontFile = font
        }
        if let code = try reader.oneOf(SettingsFields.language, what: "language") {
            language = Language(rawValue: code)
        }
        if let section = try reader.mapping(SettingsFields.render) {
            render.preset = try section.oneOf(SettingsFields.preset, what: "x264 preset") ?? render.preset
            render.crf = try section.integer(SettingsFields.crf) ?? render.crf
            render.musicVolumeDB = try section.number(SettingsFields.musicVolumeDB) ?? render.musicVolumeDB
            if let motion = try section.oneOf(SettingsFields.motion, what: "motion").flatMap(Motion.init) {
                render.motion = motion
            }
            render.motionStrength = try section.number(SettingsFields.motionStrength) ?? render.motionStrength
            render.shotSeconds = try section.number(SettingsFields.shotSeconds) ?? render.shotSeconds
            if let transition = try section.oneOf(SettingsFields.sceneTransition, what: "scene transition")
                .flatMap(SceneTransition.init)
            {
                render.sceneTransition = transition
            }
        }
        if let section = try reader.mapping(SettingsFields.watch) {
            watch.settleSeconds = try section.number(SettingsFields.settleSeconds) ?? watch.settleSeconds
            watch.rescanSeconds = try section.number(SettingsFields.rescanSeconds) ?? watch.rescanSeconds
            watch.renderConcurrency = try section.integer(SettingsFields.renders) ?? watch.renderConcurrency
        }
        if let section = try reader.mapping(SettingsFields.learning) {
            learning.calibratesScore = try section.bool(SettingsFields.calibrateScore) ?? learning.calibratesScore
        }
        for (name, section) in try reader.namedMappings(SettingsFields.providers) {
            providers.append(
                try ProviderSettings.read(name: name, from: section, folder: folder, environment: environment))
        }
        if let section = try reader.mapping(SettingsFields.engines) {
            engines = try EngineSettings.read(section, over: engines, providers: providerKinds)
            // Command engines run in this folder: relative paths in their arguments mean what the
            // creator sees beside reelsmith.yaml, not the job's staging folder.
            engines.runCommands(in: folder.standardizedFileURL.path)
        }
    }

    /// The provider names and their kinds, for checking the engines of the file and of requests.
    package var providerKinds: [String: ProviderSettings.Kind] {
        Dictionary(providers.map { ($0.name, $0.kind) }, uniquingKeysWith: { first, _ in first })
    }
}
