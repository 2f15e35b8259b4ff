import ArgumentParser
import Foundation
import Reelsmith
import ReelsmithCLI
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

#if canImport(Glibc)
    import Glibc
#endif

/// `reelsmith bench …` runs `reelsmith-bench …`, the benchmarks' own executable beside this one.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract:
            "Benchmarks (render, watch, learning, providers, align, voice, dashboard, wait), run by reelsmith-bench.")

    @Argument(parsing: .captureForPassthrough, help: "The benchmark and its options, e.g. `render --duration 45`.")
    var arguments: [String] = []

    func run() throws {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        let bench = folder.appendingPathComponent("reelsmith-bench").path
        guard FileManager.default.isExecutableFile(atPath: bench) else {
            throw ValidationError(
                "the benchmarks are not installed beside \(folder.path): build them with `swift build --product reelsmith-bench`"
            )
        }
        // The benchmark replaces this process: its output, signals and exit status are the user's.
        let argv = ([bench] + arguments).map { strdup($0) } + [nil]
        execv(bench, argv)
        throw ValidationError("cannot start \(bench): \(String(cString: strerror(errno)))")
    }
}
