import ArgumentParser

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Benchmarks: the render, the daemon, the learning index, the provider layer.",
        subcommands: [RenderBench.self, WatchBench.self, LearningBench.self, ProvidersBench.self, AlignBench.self, DashboardBench.self])
}
