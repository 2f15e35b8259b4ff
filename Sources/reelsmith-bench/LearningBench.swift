import ArgumentParser
import Foundation
import LocalProviderServer
import Reelsmith
import ReelsmithBenchmarks
import ReelsmithCLI
import ReelsmithCore
import ReelsmithMedia

struct LearningBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learning",
        abstract:
            "Ingest a generated analytics CSV, recompute niches over many trends, score and calibrate on a back catalogue, in a temp folder; print the times.",
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

    @Option(help: "External videos in the back catalogue scored from their captions and calibrated on (issue 23).")
    var catalogue: Int = 100_000

    func validate() throws {
        guard rows >= 0, videos >= 1, trends >= 0, niches >= 1, catalogue >= 0 else {
            throw ValidationError(
                "give --rows, --trends and --catalogue of 0 or more, and --videos and --niches of 1 or more")
        }
    }

    func run() async throws {
        Log.bootstrap()
        var result = try await LearningBenchmark(templates: options.workspace.templates)
            .run(analyticsRows: rows, videos: videos, trends: trends, niches: niches)
        result += try CalibrationBenchmark(templates: options.workspace.templates).run(videos: catalogue)
        for row in result {
            let name = row.name.padding(toLength: 26, withPad: " ", startingAt: 0)
            print(name + String(format: "%7.3f s  ", row.seconds) + row.detail)
        }
    }
}
