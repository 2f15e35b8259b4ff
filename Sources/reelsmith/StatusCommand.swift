import ArgumentParser
import Foundation
import Reelsmith
import ReelsmithCLI
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show queued, running (with render percent), done and failed inputs, and the last errors.")

    @OptionGroup var options: WorkspaceOptions

    func run() throws {
        let index = try LearningIndex(url: options.workspace.indexFile)
        let status = try DaemonStatus.read(from: index)
        print(
            "queued \(status.queued)  running \(status.running.count)  done \(status.done)  failed \(status.failed)  duplicates \(status.duplicates)"
        )
        for job in status.running {
            let progress = job.progress.map { String(format: " %.0f%%", $0 * 100) } ?? ""
            print(Terminal.wrap("  running inbox/\(job.source)" + (job.stage.map { " — \($0)\(progress)" } ?? "")))
        }
        let spending = try ProviderSpending.read(from: index)
        for (title, lines) in [("today", spending.today), ("last 30 days", spending.last30Days)] where !lines.isEmpty {
            print("providers, \(title):")
            for line in lines {
                var parts = ["\(line.requests) requests"]
                if line.promptTokens + line.completionTokens > 0 {
                    parts.append("\(line.promptTokens) prompt + \(line.completionTokens) completion tokens")
                }
                if line.images > 0 { parts.append(line.images == 1 ? "1 image" : "\(line.images) images") }
                if line.characters > 0 { parts.append("\(line.characters) characters spoken") }
                if line.audioSeconds > 0 { parts.append(String(format: "%.1f s of audio", line.audioSeconds)) }
                parts.append(String(format: "%.1f s", line.seconds))
                print(Terminal.wrap("  \(line.provider)/\(line.model): " + parts.joined(separator: ", ")))
            }
        }
        if !status.lastErrors.isEmpty {
            print("last errors:")
            for failure in status.lastErrors { print(Terminal.wrap("  \(failure.message)")) }
        }
    }
}
