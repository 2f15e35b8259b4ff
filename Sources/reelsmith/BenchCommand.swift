import ArgumentParser
import Foundation
import Reelsmith

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Benchmarks.", subcommands: [RenderBench.self, LearningBench.self])
}

struct RenderBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a 45 s example and a bare one-still ffmpeg encode in the same run; print wall, CPU and realtime factor."
    )

    @OptionGroup var options: WorkspaceOptions

    @Option(help: "Target duration of the benchmark video in seconds.")
    var duration: Int = 45

    @Option(help: "x264 preset to measure.")
    var preset: String = RenderSettings().preset

    @Option(help: "x264 CRF to measure.")
    var crf: Int = RenderSettings().crf

    func run() async throws {
        Log.bootstrap()
        var settings = RenderSettings()
        settings.preset = preset
        settings.crf = crf
        let result = try await RenderBenchmark(templates: options.workspace.templates, settings: settings)
            .run(durationSeconds: duration)
        for row in result.rows {
            print(
                String(
                    format: "%-34@ video %5.1f s  wall %6.2f s  cpu %6.2f s  realtime ×%.2f", row.name as NSString,
                    row.videoSeconds, row.wallSeconds, row.cpuSeconds, row.realtimeFactor))
        }
    }
}

struct LearningBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learning",
        abstract: "Ingest a generated analytics CSV and recompute niches over many trends, in a temp folder; print the times.",
        discussion: "Measure with a release build: `swift build -c release && .build/release/reelsmith bench learning`."
    )

    @OptionGroup var options: WorkspaceOptions

    @Option(help: "Rows in the analytics CSV.")
    var rows: Int = 100_000

    @Option(help: "Videos the rows are spread over.")
    var videos: Int = 20_000

    @Option(help: "Trends in the index for the niche recomputation.")
    var trends: Int = 100_000

    @Option(help: "Distinct niches.")
    var niches: Int = 50

    func validate() throws {
        guard rows >= 0, videos >= 1, trends >= 0, niches >= 1 else {
            throw ValidationError("give --rows and --trends of 0 or more, and --videos and --niches of 1 or more")
        }
    }

    func run() async throws {
        Log.bootstrap()
        let result = try await LearningBenchmark(templates: options.workspace.templates)
            .run(analyticsRows: rows, videos: videos, trends: trends, niches: niches)
        for row in result {
            let name = row.name.padding(toLength: 26, withPad: " ", startingAt: 0)
            print(name + String(format: "%7.3f s  ", row.seconds) + row.detail)
        }
    }
}
