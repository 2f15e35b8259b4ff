import Foundation
import Logging
import Testing

@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithMedia

/// The piper voice (issue 20), with the piper that scripts/install-dependencies.sh installs: word
/// timings against the model's own phoneme durations, French routing, and every fallback to
/// espeak-ng. Serialized: each starts a piper worker.
@Suite(.serialized) struct PiperVoiceTests {
    static let install = PiperInstall.located()

    /// The joe voice, or nil with the message saying why the test does not run.
    static func joe() -> PiperVoiceFile? {
        guard install.isInstalled, let model = install.packagedModel else {
            print(
                "PiperVoiceTests: piper is not installed at \(install.folder.path): run scripts/install-dependencies.sh"
            )
            return nil
        }
        return PiperVoiceFile(model: model)
    }

    static func staging() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reelsmith-piper-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func wordStartsMatchTheModelsOwnPhonemeDurations() async throws {
        guard let joe = Self.joe() else { return }
        let scenes = VoiceBenchmark.labelledTexts.enumerated().map { index, text in
            Script.Scene(index: index + 1, narration: text.text, keyPhrase: "", imagePrompt: "")
        }
        let script = VoiceScript(scenes: scenes)
        let staging = try Self.staging()
        let track = try await PiperVoice(install: Self.install, voice: joe).speak(script, in: staging)
        let words = try #require(track.words)
        #expect(words.count == script.words.count)
        let output = try JSONDecoder().decode(
            PiperWorker.Output.self, from: Data(contentsOf: staging.appendingPathComponent("work/piper.json")))
        #expect(output.samples == track.samples.count)

        let errors = try #require(
            VoiceBenchmark.wordStartErrors(output, words: words), "espeak-ng spells the marked texts otherwise now")
        #expect(errors.count == words.count, "every word has its truth")
        let sorted = errors.sorted()
        let mean = errors.reduce(0, +) / Double(max(1, errors.count))
        let p95 = sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.95))]
        print(
            "piper word starts vs the model's phoneme durations: \(errors.count) words, mean error "
                + "\(Int((mean * 1000).rounded())) ms, p95 \(Int((p95 * 1000).rounded())) ms, worst "
                + "\(Int(((sorted.last ?? 0) * 1000).rounded())) ms")
        #expect(mean <= 0.030)
        #expect(p95 <= 0.080)
        #expect(track.samples.map { abs(Int($0)) }.max() ?? 0 < Int(Int16.max), "no sample clips")
    }

    @Test func frenchReadsWithEspeakUnlessAVoiceFileIsNamed() async throws {
        let unnamed = OfflineVoiceChoice(requestVoice: "default", language: .fr, options: nil)
        #expect(unnamed.piper == nil && unnamed.espeak == "fr-fr")
        guard let joe = Self.joe() else { return }
        let english = OfflineVoiceChoice(requestVoice: "default", language: .en, options: nil)
        #expect(english.piper?.voice == joe)
        let back = OfflineVoiceChoice(
            requestVoice: "default", language: .en, options: OfflineVoiceOptions(voices: ["en": "espeak-ng"]))
        #expect(back.piper == nil && back.espeak == "en-us")

        // The joe model stands for a downloaded French voice: what is checked is the routing.
        let named = OfflineVoiceChoice(
            requestVoice: "default", language: .fr,
            options: OfflineVoiceOptions(voices: ["fr": joe.model.path], speed: 1.25))
        let piper = try #require(named.piper)
        #expect(piper.voice == joe && abs(piper.lengthScale - 0.8) < 1e-9)
        let script = VoiceScript(scenes: [
            Script.Scene(index: 1, narration: "Bonjour à tous.", keyPhrase: "", imagePrompt: "")
        ])
        let (made, _) = try await Self.run(piper, script: script, onFailure: .offline)
        #expect(made.fallback == nil, "\(made.engine)")
        #expect(made.value.label == "offline (piper en_US-joe-medium)")
        #expect(made.value.words?.count == 3)
    }

    @Test func doctorListsEachLanguagesVoice() async throws {
        let checks = await Doctor(workspace: try TestSupport.makeWorkspace()).voiceChecks()
        #expect(checks.map(\.name) == ["voice fr", "voice en"])
        #expect(checks.allSatisfy { $0.isOK }, "\(checks)")
        #expect(checks[0].detail.hasPrefix("espeak-ng fr-fr (built in), 22050 Hz"))
        guard Self.joe() != nil else { return }
        #expect(checks[1].detail.hasPrefix("piper en_US-joe-medium: /"), "\(checks[1].detail)")
        #expect(checks[1].detail.contains("en_US-joe-medium.onnx, 22050 Hz, License: CC0"))
        #expect(checks[1].detail.contains(Self.install.folder.path))
    }

    /// A fake virtual environment whose `python3` is `body` (a shell script): piper failing or hanging.
    static func brokenInstall(_ body: String) throws -> PiperInstall {
        let folder = try staging().appendingPathComponent("venv")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("bin"), withIntermediateDirectories: true)
        let python = folder.appendingPathComponent("bin/python3")
        try Data("#!/bin/sh\n\(body)\n".utf8).write(to: python)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: python.path)
        return PiperInstall(folder: folder, origin: "test")
    }

    static func run(
        _ piper: PiperVoice, script: VoiceScript, onFailure: EngineSettings.FailurePolicy
    ) async throws -> (StageEngine<any VoiceEngine>.Made<VoiceTrack>, URL) {
        let staging = try staging()
        let engine = StageEngine<any VoiceEngine>(
            .voice, chosen: piper, label: "piper", offline: EspeakVoice(voice: "en-us"), onFailure: onFailure)
        return (
            try await engine.run(logger: Logger(label: "test")) { try await $0.speak(script, in: staging) }, staging
        )
    }

    enum Breakage: String, CaseIterable { case missingFile, corruptFile, piperFails, piperHangs }

    @Test(arguments: Breakage.allCases)
    func aBrokenVoiceFallsBackToEspeakOrFailsTheJob(_ breakage: Breakage) async throws {
        guard let joe = Self.joe() else { return }
        let folder = try Self.staging()
        // Only the hanging piper meets its limit; a loaded machine may take seconds to load the others.
        var piper = PiperVoice(install: Self.install, voice: joe, timeoutSeconds: breakage == .piperHangs ? 2 : 120)
        let expected: String
        switch breakage {
        case .missingFile:
            piper.voice = PiperVoiceFile(model: folder.appendingPathComponent("absent.onnx"))
            expected = "is missing"
        case .corruptFile:
            let model = folder.appendingPathComponent("corrupt.onnx")
            try Data(repeating: 0x5A, count: 4096).write(to: model)
            try FileManager.default.copyItem(at: joe.config, to: URL(fileURLWithPath: model.path + ".json"))
            piper.voice = PiperVoiceFile(model: model)
            expected = "failed with status"
        case .piperFails:
            piper.install = try Self.brokenInstall("echo 'piper: no module named onnxruntime' >&2; exit 3")
            expected = "failed with status 3"
        case .piperHangs:
            piper.install = try Self.brokenInstall("exec sleep 60")
            expected = "did not finish within 2 s"
        }
        let script = VoiceScript(scenes: [
            Script.Scene(index: 1, narration: "Drink water first.", keyPhrase: "", imagePrompt: "")
        ])
        let (made, _) = try await Self.run(piper, script: script, onFailure: .offline)
        #expect(made.fallback?.contains(expected) == true, "\(made.fallback ?? "no fallback")")
        #expect(made.engine.hasPrefix("offline (fallback: piper: "))
        #expect(made.value.label == "offline (espeak-ng en-us)" && made.value.words?.count == 3)

        await #expect(throws: PiperVoice.Failure.self) {
            _ = try await Self.run(piper, script: script, onFailure: .fail)
        }
    }
}
