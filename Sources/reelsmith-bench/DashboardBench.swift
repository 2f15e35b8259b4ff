import ArgumentParser
import Foundation
import LocalProviderServer
import Reelsmith
import ReelsmithBenchmarks
import ReelsmithCLI
import ReelsmithCore
import ReelsmithMedia

struct DashboardBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract:
            "Write outbox/reports/dashboard.html for a large index in a temp folder and load it in headless Chromium; print the figures.",
        discussion:
            "Measure with a release build: `swift build -c release && .build/release/reelsmith bench dashboard`. Needs Debian's `chromium` for the browser figures (REELSMITH_CHROMIUM names another binary)."
    )

    @OptionGroup var options: WorkspaceOptions

    @Option(help: "Videos in the index.")
    var videos: Int = 10_000

    @Option(help: "Analytics rows (snapshots) spread over the videos.")
    var rows: Int = 100_000

    @Option(help: "Distinct niches.")
    var niches: Int = 40

    @Flag(help: "Skip the browser figures.")
    var noBrowser = false

    func validate() throws {
        guard videos >= 1, rows >= 0, niches >= 1 else {
            throw ValidationError("give --videos and --niches of 1 or more, and --rows of 0 or more")
        }
    }

    func run() async throws {
        Log.bootstrap()
        let result = try await DashboardBenchmark(templates: options.workspace.templates)
            .run(videos: videos, analyticsRows: rows, niches: niches, browser: !noBrowser)
        for row in result {
            print(
                row.name.padding(toLength: 26, withPad: " ", startingAt: 0)
                    + row.value.padding(toLength: 10, withPad: " ", startingAt: 0) + "  " + row.detail)
        }
    }
}
