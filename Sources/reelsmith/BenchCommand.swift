import ArgumentParser

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Benchmarks: the render, the daemon, the learning index.",
        subcommands: [RenderBench.self, WatchBench.self, LearningBench.self])
}
