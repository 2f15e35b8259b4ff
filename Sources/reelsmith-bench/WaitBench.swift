import ArgumentParser
import Foundation
import Reelsmith
import ReelsmithBenchmarks
import ReelsmithCLI
import ReelsmithCore

struct WaitBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wait",
        abstract: "Measure the CPU a `reelsmith process` uses while it waits for a slow provider's answer.",
        discussion:
            "A stand-in server on 127.0.0.1 answers the script request after --answer-after seconds; the waiting process's user and system time are read from /proc/PID/stat over --window seconds. Issue 19's target: at most 1 % of a core."
    )

    @OptionGroup var options: WorkspaceOptions

    @Option(help: "Seconds over which the waiting process is measured.")
    var window: Double = 20

    @Option(help: "Seconds the server takes to answer (longer than the window).")
    var answerAfter: Double = 30

    func validate() throws {
        guard window > 0, answerAfter > window else {
            throw ValidationError("give a --window above 0 and an --answer-after longer than the window")
        }
    }

    func run() async throws {
        // The `reelsmith` measured is the one built beside this benchmark's own executable.
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("reelsmith")
        let result = try await WaitBenchmark(executable: executable, templates: options.workspace.templates)
            .run(windowSeconds: window, answerAfterSeconds: answerAfter)
        print(
            String(
                format: "waiting reelsmith process: %.2f CPU-seconds in %.1f s = %.2f %% of a core", result.cpuSeconds,
                result.windowSeconds, result.coreFraction * 100))
    }
}
