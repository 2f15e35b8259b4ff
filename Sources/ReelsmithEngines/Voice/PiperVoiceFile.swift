// `stat` is seen through CDispatch, CoreFoundation or Glibc depending on the build (a release
// build with the static standard library takes CDispatch's), so all three are imported
// (MemberImportVisibility), as StockClipCache does.
import CDispatch
import CoreFoundation
import Foundation
import Glibc
import ReelsmithCore

/// A piper voice: its `.onnx` model with the `.onnx.json` beside it (and, for a packaged voice, its
/// MODEL_CARD), checked before piper is started so a missing or unreadable file is named plainly.
package struct PiperVoiceFile: Sendable, Equatable {
    package var model: URL
    package var config: URL { URL(fileURLWithPath: model.path + ".json") }
    /// `en_US-joe-medium`.
    package var name: String { model.deletingPathExtension().lastPathComponent }

    package init(model: URL) {
        self.model = model
    }

    /// The voice a name designates: `joe` is the packaged model of `install` (nil when piper or
    /// the voice is not installed); a path is taken as written, relative ones inside `folder`.
    package static func named(_ name: String, install: PiperInstall, folder: URL?) -> PiperVoiceFile? {
        if name == OfflineVoiceOptions.packagedVoice { return install.packagedModel.map(PiperVoiceFile.init) }
        let expanded = (name as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return PiperVoiceFile(model: URL(fileURLWithPath: expanded)) }
        let base = folder ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        return PiperVoiceFile(model: base.appendingPathComponent(expanded))
    }

    /// What the voice's config says: its sample rate and espeak-ng language.
    package struct Details: Sendable, Equatable {
        package var sampleRate: Int
        package var espeakVoice: String?
    }

    private struct ConfigFile: Decodable {
        struct Audio: Decodable {
            var sampleRate: Int
            enum CodingKeys: String, CodingKey { case sampleRate = "sample_rate" }
        }
        struct Espeak: Decodable {
            var voice: String?
        }
        var audio: Audio
        var espeak: Espeak?
    }

    /// Checks that both files are readable regular files and that the config is a piper voice's.
    package func check() throws(PiperVoice.Failure) -> Details {
        for file in [model, config] {
            guard FileManager.default.fileExists(atPath: file.path) else {
                throw PiperVoice.Failure(
                    problem: "the voice file \(file.path) is missing",
                    fix:
                        "check the path under engines.voice.voices (a piper voice is a .onnx with its .onnx.json beside it)"
                )
            }
            var status = stat()
            guard stat(file.path, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
                FileManager.default.isReadableFile(atPath: file.path), status.st_size > 0
            else {
                throw PiperVoice.Failure(
                    problem: "the voice file \(file.path) is not a readable, non-empty file",
                    fix: "check its permissions, or download the voice again")
            }
        }
        guard let data = try? Data(contentsOf: config),
            let parsed = try? JSONDecoder().decode(ConfigFile.self, from: data),
            (8_000...96_000).contains(parsed.audio.sampleRate)
        else {
            throw PiperVoice.Failure(
                problem: "\(config.path) is not a piper voice config (no audio.sample_rate)",
                fix: "download the voice's .onnx.json again, beside its .onnx")
        }
        return Details(sampleRate: parsed.audio.sampleRate, espeakVoice: parsed.espeak?.voice)
    }

    /// The licence line of the MODEL_CARD beside the model (`* License: CC0`), when there is one.
    package var licence: String? {
        let card = model.deletingLastPathComponent().appendingPathComponent("MODEL_CARD")
        guard let text = try? String(contentsOf: card, encoding: .utf8) else { return nil }
        return text.split(separator: "\n").first { $0.lowercased().contains("license") }.map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: "*- \t"))
        }
    }
}
