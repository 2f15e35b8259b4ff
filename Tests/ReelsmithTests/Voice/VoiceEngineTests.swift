import Foundation
import Logging
import Testing

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

/// The voice engines and word timings other than espeak's own: long text in pieces joined
/// without clicks, a command engine (espeak-ng's own program, text on stdin), a failing command
/// falling back to espeak-ng, and the transcription path mapping an imperfect transcript.
@Suite struct VoiceEngineTests {
    static let scenes = [
        Script.Scene(
            index: 1, narration: "Three habits changed my mornings. #morning 🌅", keyPhrase: "", imagePrompt: ""),
        Script.Scene(
            index: 2, narration: "First, drink a glass of water before your phone.", keyPhrase: "", imagePrompt: ""),
        Script.Scene(
            index: 3, narration: "Then write the one task that makes the day a success!", keyPhrase: "", imagePrompt: ""
        ),
    ]

    static func staging() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reelsmith-voice-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func engines(
        _ settings: EngineSettings, providers: ProviderClients = ProviderClients([]), language: Language = .en
    ) throws -> JobEngines {
        let tools = Tools()
        let factory = EngineFactory(
            providers: providers, ffmpeg: tools.ffmpeg,
            clipCache: StockClipCache(state: FileManager.default.temporaryDirectory)
        ) { _ in }
        return try factory.engines(
            settings,
            for: .init(
                templates: try TemplateLibrary.load(from: TestSupport.templates), language: language, niche: "fitness",
                offlineVoice: "en-us", renderer: ImageRenderer(ffmpeg: tools.ffmpeg, fontFile: tools.fontFile),
                assets: []))
    }

    /// The voice stage with the engines `settings` choose, in `staging`.
    static func stage(_ engines: JobEngines, staging: URL) -> VoiceStage {
        VoiceStage(
            voice: engines.voice, align: engines.align, ffmpeg: Tools().ffmpeg, staging: staging, language: .en,
            logger: Logger(label: "test"))
    }

    @Test func longTextIsCutAtSentenceEndsUnderTheLimit() {
        let text =
            "One short sentence. Another one, a little longer than the first! A third? Yes, and a fourth one to finish."
        let pieces = SpeechPieces.split(text, limit: 45)
        #expect(pieces.allSatisfy { $0.count <= 45 })
        #expect(pieces.joined(separator: " ") == text, "nothing lost or reordered")
        #expect(pieces.allSatisfy { $0.last.map { ".!?,".contains($0) } ?? false }, "\(pieces)")
        #expect(SpeechPieces.split(text, limit: 4096) == [text])
    }

    @Test func joinedPiecesHaveNoClickAtTheSeams() {
        // Two loud sine pieces that end and start at full amplitude: a plain join would jump.
        let rate = 24_000
        let piece = (0..<rate / 2).map { Int16(30_000 * sin(Double($0) * 2 * .pi * 220 / Double(rate) + .pi / 2)) }
        let joined = AudioJoin.join([piece, piece], sampleRate: rate)
        let largestJump = zip(joined, joined.dropFirst()).map { abs(Int($1) - Int($0)) }.max() ?? 0
        let naturalJump = zip(piece, piece.dropFirst()).map { abs(Int($1) - Int($0)) }.max() ?? 0
        // The fades add a little to the sine's own steepest step; a plain join would jump by 30,000.
        #expect(
            Double(largestJump) <= Double(naturalJump) * 1.1,
            "largest step \(largestJump), the sine's own \(naturalJump)")
        #expect(joined.count == piece.count * 2 + Int(Double(rate) * AudioJoin.pauseSeconds))
    }

    @Test func aCommandVoiceReadsTheTextFromStdinAndIsAlignedOffline() async throws {
        let staging = try Self.staging()
        let command = CommandEngine(arguments: ["espeak-ng", "-v", "en-gb+m3", "-s", "160", "--stdin", "-w", "{out}"])
        let stage = Self.stage(try Self.engines(EngineSettings(voice: .command(command))), staging: staging)
        let (timings, voice, align) = try await stage.run(Script.sample(scenes: Self.scenes))
        #expect(voice == "command:espeak-ng")
        #expect(align.hasPrefix("offline"))
        let words = VoiceScript(scenes: Self.scenes).words
        #expect(timings.words.map(\.text) == words.map(\.text))
        #expect(!timings.words.contains { $0.text.contains("#") || $0.text.contains("🌅") })
        // The scenes start in order, and the voice track is the command's (160 wpm: over 3 s).
        let starts = timings.sceneStarts(sceneCount: 3)
        #expect(starts[0] == 0 && starts[1] > 1 && starts[2] > starts[1])
        #expect(timings.durationSeconds > 3)
        #expect(try Probe.of(staging.appendingPathComponent("voice.mp3")).audio?.codec_name == "mp3")
    }

    @Test func aCommandsRelativePathsAreReadBesideReelsmithYaml() async throws {
        // As the README's piper line: a model file named relative to the project folder.
        let project = try Self.staging()
        try FileManager.default.createDirectory(
            at: project.appendingPathComponent("models"), withIntermediateDirectories: true)
        _ = try TestSupport.run(
            "espeak-ng",
            [
                "-v", "en-gb", "-w", project.appendingPathComponent("models/recorded.wav").path,
                "Three habits changed my mornings. First, drink a glass of water before your phone. Then write the one task that makes the day a success!",
            ])
        try FileManager.default.createDirectory(
            at: project.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "/bin/cp", toPath: project.appendingPathComponent("bin/copy").path)
        try Data(#"engines: { voice: { command: [./bin/copy, models/recorded.wav, "{out}"] } }"#.utf8)
            .write(to: project.appendingPathComponent("reelsmith.yaml"))
        let settings = try Configuration.load(file: project.appendingPathComponent("reelsmith.yaml"))
        guard case .command(let command) = settings.engines.voice else {
            Issue.record("not a command engine")
            return
        }
        #expect(command.folder == project.standardizedFileURL.path)
        let staging = try Self.staging()
        let stage = Self.stage(try Self.engines(settings.engines), staging: staging)
        let (timings, voice, _) = try await stage.run(Script.sample(scenes: Self.scenes))
        #expect(voice == "command:copy", "the program beside reelsmith.yaml ran, and found the model there")
        #expect(timings.durationSeconds > 3)
    }

    @Test func aFailingCommandVoiceFallsBackToEspeak() async throws {
        let staging = try Self.staging()
        let command = CommandEngine(arguments: ["false", "{out}"])
        let stage = Self.stage(try Self.engines(EngineSettings(voice: .command(command))), staging: staging)
        let (timings, voice, align) = try await stage.run(Script.sample(scenes: Self.scenes))
        #expect(voice == "offline (fallback: failed with status 1)")
        #expect(align == "engine's own word timings")
        #expect(timings.words.count == VoiceScript(scenes: Self.scenes).words.count)
    }

    @Test func eachLanguageGetsItsOwnVoiceFromVoices() async throws {
        let server = try LocalProviderServer { request in
            .speech((try? MediaFixtures.speechMP3(request.json?["input"] as? String ?? "")) ?? Data())
        }
        defer { server.stop() }
        let folder = try Self.staging()
        try Data(
            """
            providers:
              kokoro: { base_url: "\(server.baseURL)" }
            engines:
              voice: { provider: kokoro, model: kokoro, voice: af_heart, voices: { fr: ff_siwis } }
            """.utf8
        ).write(to: folder.appendingPathComponent("reelsmith.yaml"))
        let settings = try Configuration.load(file: folder.appendingPathComponent("reelsmith.yaml"), environment: [:])
        for (language, expected) in [(Language.fr, "ff_siwis"), (.en, "af_heart")] {
            let engines = try Self.engines(
                settings.engines, providers: ProviderClients(settings.providers), language: language)
            _ = try await engines.voice.chosen.speak(VoiceScript(scenes: Self.scenes), in: try Self.staging())
            #expect(server.requests(path: "/audio/speech").last?.json?["voice"] as? String == expected, "\(language)")
        }
    }

    @Test func aVoiceCutOffMidStreamIsRefusedAndEspeakReadsTheScript() async throws {
        // A 200 whose audio stops after two words (a stream that broke off).
        let server = try LocalProviderServer { _ in .speech((try? MediaFixtures.speechMP3("Three habits")) ?? Data()) }
        defer { server.stop() }
        let settings = EngineSettings(voice: .provider(.init(provider: "local", model: "tts-1")))
        let stage = Self.stage(
            try Self.engines(settings, providers: ProviderClients([ProviderFixtures.settings(server)])),
            staging: try Self.staging())
        let (timings, voice, _) = try await stage.run(Script.sample(scenes: Self.scenes))
        #expect(voice.hasPrefix("offline (fallback: the audio stops early"), "\(voice)")
        #expect(timings.durationSeconds > 3, "the whole script is read")
    }

    @Test func aWAVAnsweredForMP3IsNotPublishedAsVoiceMP3() async throws {
        // LocalAI answers WAV whatever format was asked for.
        let server = try LocalProviderServer { request in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "reelsmith-wav-\(UUID().uuidString)")
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let wav = folder.appendingPathComponent("speech.wav")
            _ = try? TestSupport.run(
                "espeak-ng", ["-v", "en-us", "-w", wav.path, request.json?["input"] as? String ?? ""])
            return .speech((try? Data(contentsOf: wav)) ?? Data())
        }
        defer { server.stop() }
        let settings = EngineSettings(voice: .provider(.init(provider: "local", model: "tts-1")))
        let staging = try Self.staging()
        let stage = Self.stage(
            try Self.engines(settings, providers: ProviderClients([ProviderFixtures.settings(server)])),
            staging: staging)
        let (_, voice, _) = try await stage.run(Script.sample(scenes: Self.scenes))
        #expect(voice.hasPrefix("local/tts-1"), "\(voice)")
        #expect(voice == "local/tts-1 server default", "no voice was chosen: not labelled alloy (\(voice))")
        #expect(server.requests(path: "/audio/speech").first?.json?["response_format"] as? String == "mp3")
        let published = staging.appendingPathComponent("voice.mp3")
        #expect(try Probe.of(published).audio?.codec_name == "mp3", "encoded, not the WAV bytes renamed")
        #expect(try Data(contentsOf: published).prefix(4) != Data("RIFF".utf8))
    }

    @Test func theSpeechEndpointGetsOnlyTheSpokenTextAndLongTextInPieces() async throws {
        let scenes = [
            Script.Scene(
                index: 1, narration: "**Three** habits 🌅 changed my mornings, see https://example.com/x #morning.",
                keyPhrase: "",
                imagePrompt: ""),
            Script.Scene(
                index: 2, narration: "First, drink a glass of [water](https://w.example) before your phone.",
                keyPhrase: "", imagePrompt: ""),
        ]
        let text = VoiceScript(scenes: scenes).text
        let server = try LocalProviderServer { request in
            guard let input = request.json?["input"] as? String, let audio = try? MediaFixtures.speechMP3(input) else {
                return .error(400, "no input")
            }
            return .speech(audio)
        }
        defer { server.stop() }
        let usage = ProviderFixtures.UsageLog()
        let voice = SpeechEndpointVoice(
            client: ProviderFixtures.client(server), engine: .init(provider: "local", model: "tts-1", inputLimit: 60),
            ffmpeg: Tools().ffmpeg
        ) { usage.append($0) }
        let track = try await voice.speak(VoiceScript(scenes: scenes), in: try Self.staging())
        // Asked for at once: in the order the text holds them, whatever order they arrived in.
        let inputs = server.requests(path: "/audio/speech").compactMap { $0.json?["input"] as? String }
            .sorted {
                text.range(of: $0)?.lowerBound ?? text.endIndex < text.range(of: $1)?.lowerBound ?? text.endIndex
            }
        #expect(inputs.count == 2, "cut at the sentence end under 60 characters: \(inputs)")
        #expect(inputs.joined(separator: " ") == text)
        for input in inputs {
            #expect(
                !input.contains("http") && !input.contains("#") && !input.contains("🌅") && !input.contains("*"),
                "\(input)")
        }
        #expect(track.mp3 == nil, "two pieces are joined and encoded again")
        #expect(track.durationSeconds > 2)
        #expect(usage.all.reduce(0) { $0 + $1.characters } == inputs.reduce(0) { $0 + $1.count })
    }

    @Test func somethingThatIsNotAudioIsRefusedBeforeFFmpegSeesIt() async throws {
        let server = try LocalProviderServer { _ in .speech(Data("#EXTM3U\n#EXTINF:1,\n/etc/passwd\n".utf8)) }
        defer { server.stop() }
        let voice = SpeechEndpointVoice(
            client: ProviderFixtures.client(server), engine: .init(provider: "local", model: "tts-1"),
            ffmpeg: Tools().ffmpeg
        ) { _ in }
        do {
            _ = try await voice.speak(VoiceScript(scenes: Self.scenes), in: try Self.staging())
            Issue.record("a playlist was taken for audio")
        } catch let error as ProviderError {
            #expect(error.problem.contains("is not mp3 audio"))
        }
    }

    @Test func placeholdersAreReplacedOnceLeftToRight() {
        #expect(
            CommandRun.replacing(["{prompt}": "draw {out} here", "{out}": "/tmp/1.png"], in: "-p={prompt}")
                == "-p=draw {out} here")
        #expect(CommandRun.replacing(["{out}": "/tmp/1.png"], in: "{out}.json") == "/tmp/1.png.json")
    }

    @Test func doctorFindsACommandEnginesProgramOrSaysHowToFixIt() {
        let doctor = Doctor(workspace: Workspace(root: FileManager.default.temporaryDirectory))
        let found = doctor.check(
            .init(arguments: ["espeak-ng", "--stdin", "-w", "{out}"], timeoutSeconds: 60), stage: .voice)
        #expect(found.isOK && found.detail.hasSuffix("espeak-ng, stopped after 60 s"))
        let missing = doctor.check(.init(arguments: ["piper-not-installed", "{out}"]), stage: .voice)
        #expect(!missing.isOK && missing.detail.contains("write its full path as the first item of `command`"))
    }

    @Test func anImperfectTranscriptIsMappedOntoTheScriptsWords() {
        let script = ["Three", "habits", "changed", "my", "mornings.", "First,", "drink", "a", "glass", "of", "water."]
        // Missing "my", an extra "uh", "habbits" misspelt, "3" for "Three", "glass" and "of" merged.
        let heard: [TranscriptMatch.HeardWord] = [
            .init(text: "3", start: 0.10, end: 0.3), .init(text: "habbits", start: 0.35, end: 0.7),
            .init(text: "changed", start: 0.72, end: 1.0), .init(text: "mornings", start: 1.10, end: 1.6),
            .init(text: "uh", start: 1.7, end: 1.8), .init(text: "First", start: 2.00, end: 2.3),
            .init(text: "drink", start: 2.35, end: 2.6), .init(text: "a", start: 2.62, end: 2.7),
            .init(text: "glassof", start: 2.72, end: 3.1), .init(text: "water", start: 3.15, end: 3.6),
        ]
        let starts = TranscriptMatch.starts(script: script, heard: heard)
        // Since issue 19 a number pairs however it is written ("3" for "Three"); before, it did not.
        #expect(starts[0] == 0.10)
        #expect(starts[1] == 0.35 && starts[2] == 0.72)
        #expect(starts[3] == nil, "\"my\" was not heard")
        #expect(starts[4] == 1.10 && starts[5] == 2.00 && starts[6] == 2.35 && starts[7] == 2.62)
        #expect(starts[10] == 3.15)
        #expect(starts[8] == 2.72 || starts[9] == 2.72, "the merged word pairs with one of its halves")
        let voice = VoiceScript(scenes: [
            Script.Scene(index: 1, narration: script.joined(separator: " "), keyPhrase: "", imagePrompt: "")
        ])
        let timings = voice.timings(starts: starts, duration: 4)
        #expect(timings[0].start == 0.10)
        #expect(timings[3].start > 0.72 && timings[3].start < 1.10)
    }

    @Test func theTranscriptionEndpointGetsTheDocumentedFormAndItsWordsBecomeTheTimings() async throws {
        let server = try LocalProviderServer { _ in
            .transcription(words: [
                ("Three", 0.2, 0.5), ("habits", 0.5, 0.9), ("changed", 0.9, 1.3), ("my", 1.3, 1.4),
                ("mornings", 1.4, 2.0),
                ("First", 2.5, 2.8), ("drink", 2.8, 3.1), ("a", 3.1, 3.2), ("glass", 3.2, 3.5), ("of", 3.5, 3.6),
                ("water", 3.6, 3.9), ("before", 3.9, 4.2), ("your", 4.2, 4.4), ("phone", 4.4, 4.9), ("Then", 5.3, 5.5),
            ])
        }
        defer { server.stop() }
        let usage = ProviderFixtures.UsageLog()
        let aligner = TranscriptionAligner(
            client: ProviderFixtures.client(server), engine: .init(provider: "local", model: "whisper-1")
        ) { usage.append($0) }
        let audio = Data("ID3 not really an mp3".utf8)
        let words = try await aligner.timings(
            of: VoiceScript(scenes: Self.scenes), audio: audio, duration: 8, language: .en)

        let sent = try #require(server.requests(path: "/audio/transcriptions").first)
        #expect(sent.headers["content-type"]?.hasPrefix("multipart/form-data; boundary=") == true)
        let form = sent.formParts
        #expect(form["model"].map { String(decoding: $0.data, as: UTF8.self) } == "whisper-1")
        #expect(form["response_format"].map { String(decoding: $0.data, as: UTF8.self) } == "verbose_json")
        #expect(form["timestamp_granularities[]"].map { String(decoding: $0.data, as: UTF8.self) } == "word")
        #expect(form["language"].map { String(decoding: $0.data, as: UTF8.self) } == "en")
        #expect(form["file"]?.filename == "voice.mp3" && form["file"]?.data == audio)
        #expect(sent.headers["authorization"] == "Bearer \(ProviderFixtures.secret)")

        #expect(words.map(\.start).prefix(3) == [0.2, 0.5, 0.9])
        #expect(words.first { $0.text == "Then" }?.start == 5.3)
        #expect(words.last?.end == 8)
        #expect(usage.all.first?.audioSeconds == 8)
    }
}

extension Script {
    /// A script around the given scenes, for the stage tests.
    static func sample(scenes: [Scene]) -> Script {
        Script(
            title: "Sample", hook: scenes.first?.narration ?? "",
            script: scenes.map(\.narration).joined(separator: " "), scenes: scenes,
            hashtags: ["morning"], description: "A sample.", callToAction: "Follow.", durationSeconds: 15,
            language: .en,
            template: "fitness")
    }
}

/// Numbers in a transcript (issue 19): Whisper splits "$1,000" into `$1` and `,000`; before the
/// fix the matcher paired the script's number with the second piece and its caption started
/// 300–700 ms late, and "3" never paired with "three".
@Suite struct TranscriptNumberTests {
    static func heard(_ words: [(String, Double)]) -> [TranscriptMatch.HeardWord] {
        words.enumerated().map { index, word in
            .init(text: word.0, start: word.1, end: index + 1 < words.count ? words[index + 1].1 : word.1 + 0.3)
        }
    }

    @Test(arguments: ["1000", "1,000", "$1,000", "1 000"])
    func aNumberSplitByWhisperStartsAtItsFirstPiece(written: String) {
        let script = ["It", "costs", written, "dollars", "a", "year."]
        let heard = Self.heard([
            ("It", 0.0), ("costs", 0.2), ("$1", 0.55), (",000", 1.05), ("dollars", 1.4), ("a", 1.8), ("year", 1.9),
        ])
        let starts = TranscriptMatch.starts(script: script, heard: heard)
        #expect(starts == [0.0, 0.2, 0.55, 1.4, 1.8, 1.9])
    }

    @Test func numbersPairHoweverTheyAreWritten() {
        let script = ["Drink", "three", "cups,", "1.6", "litres,", "trois", "fois", "et", "12%"]
        let heard = Self.heard([
            ("Drink", 0.0), ("3", 0.3), ("cups", 0.6), ("1", 1.0), (".6", 1.3), ("litres", 1.5), ("3", 2.0),
            ("fois", 2.3), ("et", 2.6), ("12", 2.8), ("%", 3.1),
        ])
        let starts = TranscriptMatch.starts(script: script, heard: heard)
        #expect(starts == [0.0, 0.3, 0.6, 1.0, 1.5, 2.0, 2.3, 2.6, 2.8])
    }

    @Test func twoNumbersInARowStayTwo() {
        let heard = TranscriptMatch.joiningNumberPieces(
            Self.heard([("In", 0), ("2023", 0.2), ("300", 0.7), ("people", 1.0)]))
        #expect(heard.map(\.text) == ["In", "2023", "300", "people"])
    }

    /// Through the HTTP path, with the words as faster-whisper-server writes them.
    @Test func theSplitNumberOfAFasterWhisperServerIsCaptionedFromItsStart() async throws {
        let server = try LocalProviderServer { _ in
            .fasterWhisperTranscription(words: [
                ("It", 0.1, 0.2), ("costs", 0.2, 0.5), ("$1", 0.55, 1.0), (",000", 1.05, 1.3), ("a", 1.4, 1.5),
                ("year.", 1.5, 1.9),
            ])
        }
        defer { server.stop() }
        let aligner = TranscriptionAligner(
            client: ProviderFixtures.client(server), engine: .init(provider: "local", model: "tiny.en")
        ) { _ in }
        let script = VoiceScript(scenes: [
            Script.Scene(index: 1, narration: "It costs $1,000 a year.", keyPhrase: "", imagePrompt: "")
        ])
        let words = try await aligner.timings(
            of: script, audio: Data("ID3 not really".utf8), duration: 2, language: .en)
        #expect(words.map(\.text) == ["It", "costs", "$1,000", "a", "year."])
        #expect(words[2].start == 0.55 && words[2].end == 1.4)
    }
}
