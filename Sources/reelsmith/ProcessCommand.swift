import ArgumentParser
import Foundation
import Reelsmith
import ReelsmithCLI
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

struct ProcessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "process",
        abstract:
            "Run the pipeline once for each file given: a request, trends or analytics file, or a folder of them.",
        discussion:
            "A request becomes a folder under outbox/videos/. The kind comes from a `kind:` key, else from the inbox folder. A folder (such as TikTok Studio's export folder) runs each file inside it, one line per file. A file that fails is reported with its line, column and fix; the others still run."
    )

    @OptionGroup var options: WorkspaceOptions

    @Argument(help: "Inbox files or folders, e.g. inbox/requests/example-en.yaml or a TikTok Studio export folder.")
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else {
            throw ValidationError("give at least one file, e.g. `reelsmith process inbox/requests/example-en.yaml`")
        }
    }

    func run() async throws {
        Log.bootstrap()
        let workspace = options.workspace
        let index = try LearningIndex(url: workspace.indexFile)
        let configuration = try options.configuration()
        let processor = InboxProcessor(
            generation: GenerationPipeline(workspace: workspace, configuration: configuration, index: index))
        let files = files
        // Ctrl-C or SIGTERM cancels the work: ffmpeg is stopped (it runs in its own process
        // group, out of the terminal's reach) and finished stages stay for the next run.
        let failures = try await withThrowingTaskGroup(of: Int?.self) { group in
            group.addTask { try await Self.process(files, with: processor) }
            group.addTask {
                _ = await ShutdownSignal.wait(forcedExitAfterSeconds: 8)
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first
        }
        guard let failures else {
            Terminal.clearLine()
            Terminal.error("stopped; run the same command again to resume")
            throw ExitCode(130)
        }
        if failures > 0 { throw ExitCode(1) }
    }

    /// Runs each file in turn; returns how many failed.
    private static func process(_ files: [String], with processor: InboxProcessor) async throws -> Int {
        var failures = 0
        let expanded = files.flatMap { path in
            InputFolder.files(in: URL(fileURLWithPath: path))?.map { (path as NSString).appendingPathComponent($0) }
                ?? [path]
        }
        for path in expanded {
            try Task.checkCancellation()
            let url = URL(fileURLWithPath: path)
            do {
                let outcome = try await processor.process(file: url, displayName: path) { stage, fraction in
                    Terminal.progress(stage: stage, fraction: fraction)
                }
                Terminal.clearLine()
                print("\(path): \(outcome.summary)" + (outcome.output.map { " → \($0.path)" } ?? ""))
                for problem in outcome.problems { Terminal.warning(problem) }
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                Terminal.clearLine()
                Terminal.error("\(error)")
                failures += 1
            }
        }
        return failures
    }
}
