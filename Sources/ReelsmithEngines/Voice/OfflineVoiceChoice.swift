import Foundation
import ReelsmithCore

/// Which offline voice reads a request (issue 20): the request's `voice:` when it names one, else
/// the settings' `engines.voice.voices` for its language, else joe for English when piper is
/// installed, else the language's espeak-ng voice. espeak-ng stays the fallback of a piper voice.
package struct OfflineVoiceChoice: Sendable {
    /// The espeak-ng voice: the one that reads, or the fallback of a piper voice.
    package var espeak: String
    /// The piper voice that reads, when one is chosen.
    package var piper: PiperVoice?

    package init(
        requestVoice: String, language: Language, options: OfflineVoiceOptions?,
        install: PiperInstall = .located(), folder: URL? = nil
    ) {
        let named = requestVoice != "default" ? requestVoice : options?.voices[language.rawValue]
        let name = named ?? (language == .en && install.isInstalled ? OfflineVoiceOptions.packagedVoice : nil)
        guard let name, name != OfflineVoiceOptions.espeakWord else {
            espeak = language.defaultVoice
            piper = nil
            return
        }
        guard OfflineVoiceOptions.isPiperVoice(name) else {
            espeak = name
            piper = nil
            return
        }
        espeak = language.defaultVoice
        piper = PiperVoice(
            install: install, voice: PiperVoiceFile.named(name, install: install, folder: folder),
            lengthScale: 1 / (options?.speed ?? 1),
            timeoutSeconds: options?.timeoutSeconds ?? OfflineVoiceOptions.defaultTimeoutSeconds)
    }

    /// Whether a request's `voice:` names a voice: a piper voice (`joe`, a `.onnx` file, checked
    /// when it speaks), `espeak-ng`, or a voice espeak-ng has.
    package static func voiceExists(_ name: String) -> Bool {
        OfflineVoiceOptions.isPiperVoice(name) || name == OfflineVoiceOptions.espeakWord
            || SpeechSynthesizer.shared.hasVoice(name)
    }

    /// How `reelsmith doctor` and reports name the voice.
    package var label: String {
        guard let piper else { return "offline (espeak-ng \(espeak))" }
        return piper.voice.map(PiperVoice.label) ?? "offline (piper, not installed)"
    }
}
