import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// A local program that draws (stable-diffusion.cpp's `sd`, a ComfyUI script…): `{prompt}` and
/// `{out}` replaced inside its arguments, never a shell; the prompt also on its stdin.
struct CommandImages: ImageEngine {
    package let command: CommandEngine
    var drawsInParallel: Bool { false }

    package func draw(_ prompt: String, scene: Script.Scene, to output: URL, staging: URL) async throws {
        try? FileManager.default.removeItem(at: output)
        try await CommandRun(command: command, stage: .images).run(
            replacing: ["{prompt}": prompt, "{out}": output.path], input: Data((prompt + "\n").utf8),
            workingDirectory: command.folder.map { URL(fileURLWithPath: $0) } ?? staging, output: output)
    }

    func unreadablePicture(_ problem: String) -> any Error {
        CommandRun.Failure(
            stage: .images, program: command.program, problem: problem,
            fix: "check the program's output format (PNG, JPEG or WebP expected)")
    }
}
