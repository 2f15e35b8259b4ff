import ArgumentParser
import Foundation
import LocalProviderServer
import Reelsmith
import ReelsmithBenchmarks
import ReelsmithCLI
import ReelsmithCore
import ReelsmithMedia

struct AlignBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract:
            "Measure offline alignment (espeak-ng reference, features, dynamic time warping) on about a minute of speech.",
        discussion:
            "The speech is espeak-ng in another voice and speed (en-gb+f3 at 165 wpm); the aligner runs on one core. Measure with a release build: `swift build -c release && .build/release/reelsmith bench align`."
    )

    @Option(help: "Seconds of speech to align (about).")
    var seconds: Double = 60

    @Option(help: "Runs; the fastest and the median are printed.")
    var runs: Int = 3

    func validate() throws {
        guard seconds >= 5, seconds <= 600, runs >= 1 else {
            throw ValidationError("give --seconds between 5 and 600, and --runs of 1 or more")
        }
    }

    func run() async throws {
        Log.bootstrap()
        var results: [AlignmentBenchmark.Result] = []
        for _ in 1...runs { results.append(try await AlignmentBenchmark().run(targetSeconds: seconds)) }
        let times = results.map(\.alignSeconds).sorted()
        let speech = results[0].speechSeconds
        print(String(format: "speech                  %7.1f s, %d words", speech, results[0].words))
        print(
            String(
                format: "offline alignment       %7.3f s fastest, %.3f s median (%d runs): %.3f s per minute of speech",
                times[0],
                times[times.count / 2], times.count, times[times.count / 2] / speech * 60))
    }
}
