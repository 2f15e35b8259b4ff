import ArgumentParser
import Foundation
import LocalProviderServer
import Reelsmith
import ReelsmithBenchmarks
import ReelsmithCLI
import ReelsmithCore
import ReelsmithMedia

struct WatchBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract:
            "Run a real daemon on a temp folder: settle-to-start latency, throughput on small files, idle CPU and RSS."
    )

    @OptionGroup var options: WorkspaceOptions

    @Option(help: "Files dropped one by one for the latency figures.")
    var latencyFiles: Int = 200

    @Option(help: "Small trends files dropped at once for the throughput figure.")
    var throughputFiles: Int = 1000

    @Option(help: "Seconds the idle daemon is observed.")
    var idleSeconds: Double = 60

    @Option(help: "The daemon's settle time in seconds.")
    var settle: Double = WatchSettings().settleSeconds

    func run() async throws {
        // The daemon is `reelsmith`, built beside this benchmark's own executable.
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("reelsmith")
        let result = try await WatchBenchmark(
            executable: executable, templates: options.workspace.templates, settleSeconds: settle
        )
        .run(latencyFiles: latencyFiles, throughputFiles: throughputFiles, idleSeconds: idleSeconds)
        print(
            String(
                format: "settle → start over %d files: median %.0f ms, worst %.0f ms",
                result.latencyFiles, result.latencyMedianMilliseconds, result.latencyWorstMilliseconds))
        print(
            String(
                format: "throughput: %d small trends files in %.2f s = %.0f files/s",
                result.throughputFiles, result.throughputSeconds, result.filesPerSecond))
        print(
            String(
                format: "idle over %.0f s: CPU %.2f %%, RSS %.1f MB (of which private %.1f MB)", result.idleSeconds,
                result.idleCPUPercent, result.idleRSSMegabytes, result.idlePrivateMegabytes))
    }
}
