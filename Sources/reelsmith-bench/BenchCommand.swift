import ArgumentParser
import LocalProviderServer
import Reelsmith
import ReelsmithBenchmarks
import ReelsmithCLI
import ReelsmithCore
import ReelsmithMedia

/// `reelsmith-bench`, also run as `reelsmith bench`: benchmarks live in their own executable, so
/// the shipped `reelsmith` carries none of their code (nor the test server's).
@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reelsmith-bench",
        abstract:
            "Benchmarks: the render, the daemon, the learning index, the provider layer, waiting on a provider, the voices.",
        subcommands: [
            RenderBench.self, WatchBench.self, LearningBench.self, ProvidersBench.self, AlignBench.self,
            VoiceBench.self,
            DashboardBench.self, WaitBench.self,
        ])
}
