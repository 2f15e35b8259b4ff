import Foundation

/// A generation request (DESIGN §1): what video to make. Decoded from `inbox/requests/*.yaml`.
package struct GenerationRequest: Sendable, Codable, Equatable {
    package static var durationRange: ClosedRange<Int> { RequestFields.duration.integerRange }
    package static var imagesRange: ClosedRange<Int> { RequestFields.images.integerRange }
    package static var variantsRange: ClosedRange<Int> { RequestFields.variants.integerRange }
    package static let maximumTopicLength = 300

    package var niche: String
    package var topic: String?
    package var tone: String
    package var language: Language
    package var voice: String
    package var durationSeconds: Int
    package var images: Int
    package var variants: Int
    package var inspirationURL: String?
    /// A file name under `templates/music/` (with or without extension), or nil for none.
    package var music: String?
    /// Seeds the offline engine's choices; the same request and seed give the same script.
    package var seed: Int
    /// Run again even when the same content was already processed.
    package var force: Bool
    /// The request's own `engines:` laid over the settings file's (DESIGN §7); nil when it has none.
    package var engines: EngineSettings?
    /// Stills, clips, or clips where they match (issue 9); nil reads as `auto`.
    package var visuals: VisualsMode?

    package init(
        niche: String, topic: String? = nil, tone: String = "default", language: Language = .en,
        voice: String = "default", durationSeconds: Int = 45, images: Int = 5, variants: Int = 1,
        inspirationURL: String? = nil, music: String? = nil, seed: Int = 0, force: Bool = false
    ) {
        self.niche = niche
        self.topic = topic
        self.tone = tone
        self.language = language
        self.voice = voice
        self.durationSeconds = durationSeconds
        self.images = images
        self.variants = variants
        self.inspirationURL = inspirationURL
        self.music = music
        self.seed = seed
        self.force = force
    }

    enum CodingKeys: String, CodingKey {
        case niche, topic, tone, language, voice, images, variants, music, seed, force, engines, visuals
        case durationSeconds = "duration"
        case inspirationURL = "inspiration_url"
    }

    /// The keys, their ranges and examples: ``RequestFields`` (also the source of `request.schema.json`).
    static var knownKeys: [String] { RequestFields.table.names }

    /// Reads and validates a request file. Every problem is an ``InputError`` with its line and column.
    /// `musicLibrary`, when given, lists the names under `templates/music/`; a `music:` value
    /// naming none of them is an error at its line.
    /// `voiceExists`, when given, checks a `voice:` value other than `default`.
    package static func load(
        contentsOf url: URL, displayName: String? = nil, musicLibrary: [String]? = nil,
        voiceExists: ((String) -> Bool)? = nil
    ) throws(InputError) -> GenerationRequest {
        let document = try YAMLDocument.load(contentsOf: url, displayName: displayName ?? url.path)
        return try decode(document, musicLibrary: musicLibrary, voiceExists: voiceExists)
    }

    /// - Parameters:
    ///   - engines: the settings file's engines, which the request's `engines:` overrides key by key.
    ///   - providers: the configured providers' names and kinds, which `engines:` may name.
    package static func decode(
        data: Data, displayName: String, musicLibrary: [String]? = nil, voiceExists: ((String) -> Bool)? = nil,
        engines: EngineSettings = EngineSettings(), providers: [String: ProviderSettings.Kind] = [:]
    ) throws(InputError) -> GenerationRequest {
        try decode(
            YAMLDocument.parse(data: data, displayName: displayName), musicLibrary: musicLibrary,
            voiceExists: voiceExists,
            engines: engines, providers: providers)
    }

    package static func decode(
        _ document: YAMLDocument, musicLibrary: [String]?, voiceExists: ((String) -> Bool)?,
        engines: EngineSettings = EngineSettings(), providers: [String: ProviderSettings.Kind] = [:]
    ) throws(InputError) -> GenerationRequest {
        let reader = try MappingReader(document.root, file: document.file, table: RequestFields.table)
        if let kind = try reader.string(RequestFields.kind), kind != "request" {
            throw reader.error(
                .invalidValue(key: "kind"), at: "kind",
                problem: "this is a `\(Excerpt.quote(kind))` file, not a request",
                fix: "write `kind: request`, or move the file to the inbox folder for \(Excerpt.quote(kind))")
        }
        let niche = try reader.requiredString(RequestFields.niche)
        guard !niche.contains("/"), !niche.contains("\\"), !niche.hasPrefix(".") else {
            throw reader.error(
                .invalidValue(key: "niche"), at: "niche", problem: "`niche` must be a name, not a path",
                fix: "write a word or two without `/`, e.g. `niche: fitness`")
        }
        guard niche.count <= RequestFields.niche.maximumLength else {
            throw reader.error(
                .invalidValue(key: "niche"), at: "niche", problem: "`niche` is \(niche.count) characters long",
                fix: "name the niche in a few words (at most 60 characters), e.g. `niche: fitness`")
        }
        var request = GenerationRequest(niche: niche)
        if let topic = try reader.string(RequestFields.topic)?.trimmingCharacters(in: .whitespacesAndNewlines),
            !topic.isEmpty
        {
            guard topic.count <= maximumTopicLength else {
                throw reader.error(
                    .invalidValue(key: "topic"), at: "topic",
                    problem:
                        "`topic` is \(topic.count) characters long; a topic is spoken in the hook and must fit a title",
                    fix:
                        "shorten it to at most \(maximumTopicLength) characters (one phrase, e.g. `topic: the morning routine`)"
                )
            }
            request.topic = topic
        }
        if let tone = try reader.string(RequestFields.tone)?.trimmingCharacters(in: .whitespaces), !tone.isEmpty {
            request.tone = tone
        }
        if let code = try reader.string(RequestFields.language) {
            guard let language = Language(rawValue: code.lowercased()) else {
                let names = Language.allCases.map(\.rawValue)
                let hint = KeySuggestion.nearest(to: code, among: names).map { "did you mean `\($0)`? " } ?? ""
                throw reader.error(
                    .invalidValue(key: "language"), at: "language",
                    problem: "unsupported language `\(Excerpt.quote(code))`",
                    fix: "\(hint)use one of \(names.joined(separator: ", "))")
            }
            request.language = language
        }
        if let voice = try reader.string(RequestFields.voice)?.trimmingCharacters(in: .whitespaces), !voice.isEmpty {
            if voice != "default", let voiceExists, !voiceExists(voice) {
                throw reader.error(
                    .invalidValue(key: "voice"), at: "voice",
                    problem: "espeak-ng has no voice `\(Excerpt.quote(voice))`",
                    fix:
                        "write `voice: default`, `joe` or a piper `.onnx` file, or a voice listed by `espeak-ng --voices=\(request.language.rawValue)` (e.g. \(request.language.defaultVoice))"
                )
            }
            request.voice = voice
        }
        request.durationSeconds = try reader.integer(RequestFields.duration) ?? request.durationSeconds
        request.images = try reader.integer(RequestFields.images) ?? request.images
        request.variants = try reader.integer(RequestFields.variants) ?? request.variants
        request.seed = try reader.integer(RequestFields.seed) ?? 0
        request.force = try reader.bool(RequestFields.force) ?? false
        if let url = try reader.string(RequestFields.inspirationURL) {
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? "") else {
                throw reader.error(
                    .invalidValue(key: "inspiration_url"), at: "inspiration_url",
                    problem: "`inspiration_url` is not a web address",
                    fix: "write a full address starting with https://")
            }
            request.inspirationURL = url
        }
        if let music = try reader.string(RequestFields.music)?.trimmingCharacters(in: .whitespaces), !music.isEmpty,
            music.lowercased() != "none"
        {
            guard !music.contains("/"), !music.hasPrefix(".") else {
                throw reader.error(
                    .invalidValue(key: "music"), at: "music",
                    problem: "`music` must name a file inside templates/music/",
                    fix: "write just the file name, e.g. `music: calm`, or `music: none`")
            }
            let music = (music as NSString).deletingPathExtension
            if let musicLibrary, !musicLibrary.contains(music) {
                let hint = KeySuggestion.nearest(to: music, among: musicLibrary).map { "did you mean `\($0)`? " } ?? ""
                let available =
                    musicLibrary.isEmpty ? "none is installed" : "available: \(musicLibrary.joined(separator: ", "))"
                throw reader.error(
                    .invalidValue(key: "music"), at: "music",
                    problem: "no music named `\(Excerpt.quote(music))` in templates/music/",
                    fix: "\(hint)\(available); or write `music: none`")
            }
            request.music = music
        }
        if let visuals = try reader.oneOf(RequestFields.visuals, what: "visuals") {
            request.visuals = VisualsMode(rawValue: visuals)
        }
        if let section = try reader.mapping(RequestFields.engines) {
            request.engines = try EngineSettings.read(
                section, over: engines, providers: providers, allowsCommands: false)
        }
        return request
    }
}
