import Foundation

/// `reelsmith doctor`: checks what the offline engines need, each with a fix when it fails.
public struct Doctor: Sendable {
    public struct Check: Sendable, Equatable {
        public var name: String
        public var isOK: Bool
        public var detail: String
    }

    let workspace: Workspace
    let tools: Tools

    public init(workspace: Workspace, tools: Tools = Tools()) {
        self.workspace = workspace
        self.tools = tools
    }

    public func run() async -> [Check] {
        var checks: [Check] = []
        do {
            let output = try await ExternalTool(executable: tools.ffmpeg).run(["-hide_banner", "-buildconf"])
            let missing = ["--enable-libx264", "--enable-libass", "--enable-libmp3lame", "--enable-libfreetype"]
                .filter { !output.stdout.contains($0) && !output.stderr.contains($0) }
            checks.append(
                Check(
                    name: "ffmpeg", isOK: missing.isEmpty,
                    detail: missing.isEmpty ? "found with libx264, libass, libmp3lame and freetype"
                        : "built without \(missing.joined(separator: ", ")) — install Debian's ffmpeg package"))
        } catch {
            checks.append(Check(name: "ffmpeg", isOK: false, detail: "\(error) — apt-get install ffmpeg"))
        }
        do {
            let audio = try await SpeechSynthesizer.shared.synthesize("Bonjour", voice: Language.fr.defaultVoice)
            _ = try await SpeechSynthesizer.shared.synthesize("Hello", voice: Language.en.defaultVoice)
            checks.append(Check(name: "espeak-ng", isOK: !audio.samples.isEmpty, detail: "French and English voices speak"))
        } catch {
            checks.append(Check(name: "espeak-ng", isOK: false, detail: "\(error)"))
        }
        let hasFont = FileManager.default.fileExists(atPath: tools.fontFile)
        checks.append(
            Check(
                name: "font", isOK: hasFont,
                detail: hasFont ? tools.fontFile : "\(tools.fontFile) is missing — apt-get install fonts-dejavu-core, or set REELSMITH_FONT"))
        do {
            let library = try TemplateLibrary.load(from: workspace.templates)
            checks.append(
                Check(
                    name: "templates", isOK: true,
                    detail: "\(library.templates.count) script templates in \(workspace.templates.path)"))
        } catch {
            checks.append(Check(name: "templates", isOK: false, detail: "\(error)"))
        }
        return checks
    }
}
