import Foundation
import Testing

/// `reelsmith bench …` starts the benchmarks' own executable, and the daemon benchmark runs the
/// real `reelsmith` beside it, not the benchmark executable itself.
@Suite struct BenchCommandTests {
    @Test func benchWatchRunsTheDaemonBesideTheBenchmark() throws {
        let result = try TestSupport.run(
            TestSupport.executable.path,
            [
                "bench", "watch", "--latency-files", "2", "--throughput-files", "3", "--idle-seconds", "1",
                "--templates", TestSupport.templates.path,
            ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect((result.stdout + result.stderr).contains("throughput: 3 small trends files"))
    }
}
