import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// One run of a `command` engine, shared by the voice and image stages: placeholders replaced
/// inside the arguments (never a shell), a time limit, and the output file checked.
struct CommandRun: Sendable {
    package let command: CommandEngine
    package let stage: EngineStage

    /// A command engine that failed, phrased for the creator.
    package struct Failure: Error, Sendable, CustomStringConvertible {
        package var stage: EngineStage
        package var program: String
        package var problem: String
        package var fix: String

        package var description: String { "engines.\(stage), command `\(program)`: \(problem) — \(fix)" }
    }

    /// One left-to-right pass: a value that itself holds `{out}` (a prompt) is not replaced again.
    static func replacing(_ placeholders: [String: String], in argument: String) -> String {
        var result = ""
        var rest = Substring(argument)
        while !rest.isEmpty {
            if let (token, value) = placeholders.first(where: { rest.hasPrefix($0.key) }) {
                result += value
                rest = rest.dropFirst(token.count)
            } else {
                result.append(rest.removeFirst())
            }
        }
        return result
    }

    package func run(replacing placeholders: [String: String], input: Data?, workingDirectory: URL, output: URL)
        async throws
    {
        let arguments = command.arguments.map { Self.replacing(placeholders, in: $0) }
        guard var program = arguments.first else { return }
        // `./piper/piper` is beside reelsmith.yaml, like the paths in the arguments; `piper` is on PATH.
        if program.contains("/"), !program.hasPrefix("/") {
            program = workingDirectory.appendingPathComponent(program).path
        }
        let tool = ExternalTool(executable: program, workingDirectory: workingDirectory)
        do {
            try await tool.run(Array(arguments.dropFirst()), input: input, timeoutSeconds: command.timeoutSeconds)
        } catch is ExternalTool.TimedOut {
            throw Failure(
                stage: stage, program: command.program,
                problem: "did not finish within \(ProviderClient.format(command.timeoutSeconds)) s and was stopped",
                fix: "raise `timeout_seconds`, or check that the program does not wait for input")
        } catch let failure as ExternalToolError
            where failure.status == 127 && failure.stderrTail.contains("not on PATH")
        {
            throw Failure(
                stage: stage, program: command.program, problem: "is not installed or not on PATH",
                fix: "install it, or write its full path as the first item of `command`")
        } catch let failure as ExternalToolError {
            let said = failure.stderrTail.split(separator: "\n").last.map { ": \(Excerpt.quote(String($0)))" } ?? ""
            throw Failure(
                stage: stage, program: command.program, problem: "failed with status \(failure.status)\(said)",
                fix: "run the command by hand to see why, or set engines.\(stage) to offline")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: output.path)[.size] as? Int) ?? nil
        guard let size, size > 0 else {
            throw Failure(
                stage: stage, program: command.program, problem: "finished but wrote nothing to {out}",
                fix: "check that the argument holding `{out}` is where the program writes its output")
        }
    }
}
