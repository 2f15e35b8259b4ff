import Foundation
import Synchronization
import Testing

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

/// The one runner of child processes, against real processes: a stopped child takes its whole
/// process group with it, a failure carries its last stderr lines, output is bounded, and waiting
/// costs no CPU.
@Suite struct ExternalToolTests {
    /// A shell that starts a background grandchild, prints its pid, then waits in the foreground.
    static let parentOfASleeper = ["-c", "sleep 60 & echo $!; sleep 60"]

    /// True once `pid` is gone (or only a zombie waiting for init to reap it).
    static func isGone(_ pid: Int32, within seconds: Double = 5) async -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
            if stat.split(separator: ")").last?.trimmingCharacters(in: .whitespaces).hasPrefix("Z") == true {
                return true
            }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    final class Lines: Sendable {
        let seen = Mutex<[String]>([])
    }

    @Test func aTimedOutChildIsStoppedWithItsWholeProcessGroup() async throws {
        let lines = Lines()
        let tool = ExternalTool(executable: "/bin/sh")
        await #expect(throws: ExternalTool.TimedOut.self) {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    _ = try await tool.run(
                        Self.parentOfASleeper, onLine: { line in lines.seen.withLock { $0.append(line) } })
                }
                group.addTask {
                    try await Task.sleep(for: .seconds(1))
                    throw ExternalTool.TimedOut(seconds: 1)
                }
                defer { group.cancelAll() }
                try await group.next()
            }
        }
        let grandchild = try #require(lines.seen.withLock { $0.first }.flatMap { Int32($0) })
        #expect(await Self.isGone(grandchild), "the background sleep \(grandchild) was stopped with its parent")
    }

    @Test func aCommandRunTimeLimitStopsTheGrandchildToo() async throws {
        // The same through the public time limit: `run(_:input:timeoutSeconds:)`.
        let marker = "reelsmith-test-\(UUID().uuidString.prefix(8))"
        let tool = ExternalTool(executable: "/bin/sh")
        await #expect(throws: ExternalTool.TimedOut.self) {
            try await tool.run(["-c", "sleep 61 & sleep 62; : \(marker)"], input: nil, timeoutSeconds: 1)
        }
        let survivors = try FileManager.default.contentsOfDirectory(atPath: "/proc").compactMap(Int32.init).filter {
            pid in
            let commandLine = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))) ?? Data()
            return String(decoding: commandLine, as: UTF8.self).contains(marker)
        }
        #expect(survivors.isEmpty)
    }

    @Test func aCancelledRunStopsTheChildAndItsGrandchild() async throws {
        let (pids, found) = AsyncStream<Int32>.makeStream()
        let run = Task {
            try await ExternalTool(executable: "/bin/sh").run(
                Self.parentOfASleeper,
                onLine: { line in
                    if let pid = Int32(line) { found.yield(pid) }
                })
        }
        var grandchild: Int32?
        for await pid in pids {
            grandchild = pid
            break
        }
        run.cancel()
        await #expect(throws: CancellationError.self) { try await run.value }
        #expect(await Self.isGone(try #require(grandchild)))
    }

    @Test func aNonZeroExitCarriesTheLastTwelveStderrLines() async throws {
        let tool = ExternalTool(executable: "/bin/sh")
        let error = await #expect(throws: ExternalToolError.self) {
            try await tool.run(["-c", "i=1; while [ $i -le 30 ]; do echo \"line $i\" >&2; i=$((i+1)); done; exit 3"])
        }
        #expect(error?.status == 3)
        #expect(error?.stderrTail.split(separator: "\n").map(String.init) == (19...30).map { "line \($0)" })
        #expect(error?.description.hasPrefix("/bin/sh exited with status 3:\nline 19") == true)
    }

    @Test func aMissingProgramSaysHowToInstallIt() async throws {
        let error = await #expect(throws: ExternalToolError.self) {
            try await ExternalTool(executable: "reelsmith-no-such-program").run([])
        }
        #expect(error?.status == 127)
        #expect(error?.stderrTail.contains("not on PATH") == true)
    }

    @Test func outputPastTheLimitsIsCutStdoutAtItsStartStderrAtItsEnd() async throws {
        let tool = ExternalTool(executable: "/bin/sh")
        let output = try await tool.run(["-c", "yes a | head -c 3000000; yes b | head -c 100000 >&2; echo END >&2"])
        #expect(output.stdout.utf8.count == 1 << 20)
        #expect(output.stderr.utf8.count == 8192)
        #expect(output.stderr.hasSuffix("b\nb\nEND\n"))
    }

    /// The last lines a child writes just before it exits are what callers read (ffmpeg's
    /// loudness summary, ffprobe's JSON): none may be lost however the exit races our reading.
    @Test func theLastBytesWrittenBeforeTheExitAreNeverLost() async throws {
        let script =
            "i=0; while [ $i -lt 3000 ]; do echo \"line $i\"; echo \"error $i\" >&2; i=$((i+1)); done; "
            + "echo END; echo END >&2"
        try await withThrowingTaskGroup(of: ExternalTool.Output?.self) { group in
            for _ in 0..<12 { group.addTask { try await ExternalTool(executable: "/bin/sh").run(["-c", script]) } }
            // A loaded machine: the pool's threads busy while the children write and exit.
            for _ in 0..<4 {
                group.addTask {
                    usleep(300_000)
                    return nil
                }
            }
            for try await case let output? in group {
                #expect(output.stdout.hasSuffix("line 2999\nEND\n"))
                #expect(output.stderr.hasSuffix("error 2999\nEND\n"))
            }
        }
    }

    @Test func stdinReachesTheChildAndAChildThatIgnoresItDoesNotKillUs() async throws {
        let echoed = try await ExternalTool(executable: "/bin/cat").run(
            [], input: Data("said\n".utf8), timeoutSeconds: 120)
        #expect(echoed.stdout == "said\n")
        // 8 MiB that nobody reads: the input is a file, so there is no pipe to break (SIGPIPE).
        let ignored = try await ExternalTool(executable: "/bin/true").run(
            [], input: Data(count: 8 << 20), timeoutSeconds: 120)
        #expect(ignored.stdout.isEmpty)
    }

    @Test func aLongRunningChildIsSignalledAndStoppedWithItsGroup() async throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reelsmith-running-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        let child = try await RunningProcess.start(
            URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", "sleep 60 & echo $! >&2; sleep 60"],
            standardErrorFile: log,
            gracePeriod: .seconds(2))
        var grandchild: Int32?
        for _ in 0..<100 where grandchild == nil {
            grandchild = (try? String(contentsOf: log, encoding: .utf8)).flatMap {
                Int32($0.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            if grandchild == nil { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(!child.hasEnded)
        let ended = try await child.stop()
        #expect(ended.reason == .uncaughtSignal && ended.status == SIGTERM)
        #expect(child.hasEnded)
        #expect(await Self.isGone(try #require(grandchild)))
    }

    /// STYLE 23: waiting 20 s on a child costs at most 1 % of a core. Measured on our own
    /// /proc/self/stat, so run it alone: `REELSMITH_MEASURE_WAIT=1 swift test --filter waitingOnAChild`.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["REELSMITH_MEASURE_WAIT"] != nil))
    func waitingOnAChildUsesNoCPU() async throws {
        func cpuSeconds() throws -> Double {
            let stat = try String(contentsOfFile: "/proc/self/stat", encoding: .utf8)
            let fields = try #require(stat.split(separator: ")").last).split(separator: " ")
            return (try #require(Double(fields[11])) + (try #require(Double(fields[12]))))
                / Double(sysconf(Int32(_SC_CLK_TCK)))
        }
        let before = try cpuSeconds()
        let clock = ContinuousClock()
        let started = clock.now
        try await ExternalTool(executable: "sleep").run(["20"])
        let wall = (clock.now - started).seconds
        let used = try cpuSeconds() - before
        print("waiting on `sleep 20`: \(used) s of CPU over \(wall) s = \(used / wall * 100) % of a core")
        #expect(used / wall <= 0.01)
    }
}
