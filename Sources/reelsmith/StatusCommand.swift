import ArgumentParser
import Foundation
import Reelsmith

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show queued, running (with render percent), done and failed inputs, and the last errors.")

    @OptionGroup var options: WorkspaceOptions

    func run() throws {
        let index = try LearningIndex(url: options.workspace.indexFile)
        let status = try DaemonStatus.read(from: index)
        print("queued \(status.queued)  running \(status.running.count)  done \(status.done)  failed \(status.failed)  duplicates \(status.duplicates)")
        for job in status.running {
            let progress = job.progress.map { String(format: " %.0f%%", $0 * 100) } ?? ""
            print(Terminal.wrap("  running inbox/\(job.source)" + (job.stage.map { " — \($0)\(progress)" } ?? "")))
        }
        let spending = try ProviderSpending.read(from: index)
        for (title, lines) in [("today", spending.today), ("last 30 days", spending.last30Days)] where !lines.isEmpty {
            print("providers, \(title):")
            for line in lines {
                print(
                    Terminal.wrap(
                        "  \(line.provider)/\(line.model): \(line.requests) requests, \(line.promptTokens) prompt + "
                            + "\(line.completionTokens) completion tokens, \(String(format: "%.1f", line.seconds)) s"))
            }
        }
        if !status.lastErrors.isEmpty {
            print("last errors:")
            for failure in status.lastErrors { print(Terminal.wrap("  \(failure.message)")) }
        }
    }
}
