import ArgumentParser
import Foundation
import Reelsmith

struct ProcessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "process",
        abstract: "Run the pipeline once for each file given: a request, trends or analytics file.",
        discussion: "A request becomes a folder under outbox/videos/. The kind comes from a `kind:` key, else from the inbox folder. A file that fails is reported with its line, column and fix; the others still run."
    )

    @OptionGroup var options: WorkspaceOptions

    @Argument(help: "Inbox files, e.g. inbox/requests/example-en.yaml.")
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one file, e.g. `reelsmith process inbox/requests/example-en.yaml`") }
    }

    func run() async throws {
        Log.bootstrap()
        let workspace = options.workspace
        let index = try LearningIndex(url: workspace.indexFile)
        let processor = InboxProcessor(generation: GenerationPipeline(workspace: workspace, index: index))
        var failures = 0
        for path in files {
            let url = URL(fileURLWithPath: path)
            do {
                let outcome = try await processor.process(file: url, displayName: path) { stage, fraction in
                    Terminal.progress(stage: stage, fraction: fraction)
                }
                Terminal.clearLine()
                print("\(path): \(outcome.summary)" + (outcome.output.map { " → \($0.path)" } ?? ""))
                for problem in outcome.problems { Terminal.warning(problem) }
            } catch {
                Terminal.clearLine()
                Terminal.error("\(error)")
                failures += 1
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }
}
