import ArgumentParser
import Foundation
import LocalProviderServer
import Reelsmith

struct ProvidersBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "providers",
        abstract: "Measure what the provider layer adds to a model's time, against a local OpenAI-compatible server.",
        discussion: "The server (on 127.0.0.1) answers every chat completion after --delay seconds; the whole script writer runs (prompt, HTTP, decoding, checks). Measure with a release build: `swift build -c release && .build/release/reelsmith bench providers`."
    )

    @OptionGroup var options: WorkspaceOptions

    @Option(help: "Seconds the server waits before each answer (a model's own time).")
    var delay: Double = 0.3

    @Option(help: "Scripts asked for one after another.")
    var requests: Int = 20

    @Option(help: "Scripts asked for at once, as `variants:` does.")
    var variants: Int = 5

    func validate() throws {
        guard delay >= 0, requests >= 1, variants >= 1 else {
            throw ValidationError("give --delay of 0 or more, and --requests and --variants of 1 or more")
        }
    }

    func run() async throws {
        Log.bootstrap()
        let benchmark = ProviderBenchmark(templates: options.workspace.templates)
        let answer = try benchmark.modelAnswer()
        let delay = delay
        let server = try LocalProviderServer { _ in .chatCompletion(answer, delaySeconds: delay) }
        defer { server.stop() }
        let result = try await benchmark.run(
            baseURL: URL(string: server.baseURL)!, delaySeconds: delay, requests: requests, variants: variants)
        let sorted = result.overheadMilliseconds.sorted()
        let mean = sorted.reduce(0, +) / Double(sorted.count)
        let median = sorted[sorted.count / 2]
        print(String(format: "server delay            %7.0f ms per answer", delay * 1000))
        print(String(format: "provider layer adds     %7.1f ms mean, %.1f ms median, %.1f ms max (%d scripts in turn)", mean, median, sorted.last ?? 0, result.requests))
        print(
            String(
                format: "%d variants at once     %7.0f ms wall (%.2f round trips; one after another: %.0f ms)", result.variants,
                result.variantsSeconds * 1000, result.variantsSeconds / max(delay, 0.001), Double(result.variants) * (delay * 1000 + mean)))
    }
}
