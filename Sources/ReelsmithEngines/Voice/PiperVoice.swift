import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// A neural piper voice (issue 20), offline: one Python worker per job loads the model once,
/// speaks every scene and writes the samples with the model's phoneme durations, from which the
/// words' times follow exactly (``PiperAlignment``). A missing or broken voice, a failing or
/// hanging piper: a ``Failure``, which `on_failure: offline` answers with espeak-ng.
package struct PiperVoice: VoiceEngine {
    package var install: PiperInstall
    /// The voice; nil when `joe` was named and piper or the voice is not installed.
    package var voice: PiperVoiceFile?
    /// piper's length scale: 1 / `speed`.
    package var lengthScale: Double = 1
    package var timeoutSeconds: Double = OfflineVoiceOptions.defaultTimeoutSeconds

    package init(
        install: PiperInstall, voice: PiperVoiceFile?, lengthScale: Double = 1,
        timeoutSeconds: Double = OfflineVoiceOptions.defaultTimeoutSeconds
    ) {
        self.install = install
        self.voice = voice
        self.lengthScale = lengthScale
        self.timeoutSeconds = timeoutSeconds
    }

    /// piper scales each sentence to full scale, where a few samples clip: half of it leaves the
    /// loudness chain (−14 LUFS, the true-peak limit) all the headroom it needs.
    static let volume = 0.5

    /// The piper voice failed, phrased for the creator.
    package struct Failure: Error, Sendable, CustomStringConvertible, FallbackCause {
        package var what: String
        package var fix: String

        package init(problem: String, fix: String) {
            what = problem
            self.fix = fix
        }

        /// What `report.json` says after `offline (fallback: `.
        package var problem: String { "piper: \(what)" }
        package var description: String { "engines.voice, piper: \(what) — \(fix)" }
    }

    package static func label(_ voice: PiperVoiceFile) -> String { "offline (piper \(voice.name))" }

    package func speak(_ script: VoiceScript, in staging: URL) async throws -> VoiceTrack {
        guard let voice, FileManager.default.isExecutableFile(atPath: install.python.path) else {
            throw Failure(
                problem: "piper is not installed (looked in \(install.folder.path), \(install.origin))",
                fix: "run scripts/install-dependencies.sh, or set engines.voice.voices to espeak-ng")
        }
        _ = try voice.check()
        let work = staging.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let samplesFile = work.appendingPathComponent("piper.pcm")
        let timingsFile = work.appendingPathComponent("piper.json")
        for file in [samplesFile, timingsFile] { try? FileManager.default.removeItem(at: file) }

        var scenes: [[String]] = []
        var lastScene: Int?
        for word in script.words {
            if word.scene != lastScene { scenes.append([]) }
            scenes[scenes.count - 1].append(word.text)
            lastScene = word.scene
        }
        let job = PiperWorker.Job(
            model: voice.model.path, config: voice.config.path, lengthScale: lengthScale, volume: Self.volume,
            samples: samplesFile.path, timings: timingsFile.path, scenes: scenes)
        let tool = ExternalTool(executable: install.python.path, workingDirectory: work)
        do {
            _ = try await tool.run(
                ["-c", PiperWorker.source], input: try JSONEncoder().encode(job), timeoutSeconds: timeoutSeconds)
        } catch is ExternalTool.TimedOut {
            throw Failure(
                problem: "did not finish within \(ProviderClient.format(timeoutSeconds)) s and was stopped",
                fix: "raise engines.voice.timeout_seconds, or check the voice with `reelsmith doctor`")
        } catch let failure as ExternalToolError {
            let said = failure.stderrTail.split(separator: "\n").last.map { ": \(Excerpt.quote(String($0)))" } ?? ""
            throw Failure(
                problem: "failed with status \(failure.status)\(said)",
                fix: "check the voice file (a .onnx piper voice with its .onnx.json) with `reelsmith doctor`")
        }
        let output: PiperWorker.Output
        let data: Data
        do {
            output = try JSONDecoder().decode(PiperWorker.Output.self, from: Data(contentsOf: timingsFile))
            data = try Data(contentsOf: samplesFile)
        } catch {
            throw Failure(problem: "finished without its output (\(error))", fix: "run `reelsmith doctor`")
        }
        let samples = data.withUnsafeBytes { raw in
            raw.bindMemory(to: Int16.self).map { Int16(littleEndian: $0) }
        }
        guard samples.count > output.sampleRate / 10, output.scenes.count == scenes.count else {
            throw Failure(problem: "wrote less than 0.1 s of audio", fix: "run `reelsmith doctor`")
        }
        return VoiceTrack(
            samples: samples, sampleRate: output.sampleRate, words: Self.timings(output, script: script), mp3: nil,
            label: Self.label(voice))
    }

    /// The words' timings from the worker's phoneme durations; nil when a sentence came without
    /// alignments (the align engine then times the words).
    static func timings(_ output: PiperWorker.Output, script: VoiceScript) -> [WordTiming]? {
        var starts: [Double?] = []
        for scene in output.scenes {
            guard !scene.phonemes.contains(""), scene.phonemes.count == scene.samples.count else { return nil }
            starts += PiperAlignment.starts(phonemes: scene.phonemes, samples: scene.samples, words: scene.words).map {
                $0.map { Double(scene.start + $0) / Double(output.sampleRate) }
            }
        }
        guard starts.count == script.words.count else { return nil }
        return script.timings(starts: starts, duration: Double(output.samples) / Double(output.sampleRate))
    }
}
