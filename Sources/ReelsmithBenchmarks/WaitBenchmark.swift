import Foundation
import LocalProviderServer
import ReelsmithCore

#if canImport(Glibc)
    import Glibc
#endif

/// `reelsmith bench wait` (and a test): the CPU a `reelsmith process` uses while it waits for a
/// provider's answer, read from `/proc/PID/stat` over a window, against a stand-in server that
/// answers after longer than the window (issue 19: FoundationNetworking's libcurl loop used 0.8
/// of a core here, and a local model on the same machine slowed from 40.9 to 2.3 tokens/s).
package struct WaitBenchmark: Sendable {
    package struct Result: Sendable {
        /// User plus system CPU seconds of the waiting process over the window.
        package var cpuSeconds: Double
        package var windowSeconds: Double
        /// Of one core: 0.01 is 1 %.
        package var coreFraction: Double { cpuSeconds / windowSeconds }
    }

    package enum Problem: Error, CustomStringConvertible {
        case neverAsked(stderr: String)
        case exitedEarly(status: Int32, stderr: String)

        package var description: String {
            switch self {
            case .neverAsked(let stderr): "reelsmith never sent its chat request: \(stderr.suffix(600))"
            case .exitedEarly(let status, let stderr):
                "reelsmith ended (status \(status)) before the window closed: \(stderr.suffix(600))"
            }
        }
    }

    /// The `reelsmith` executable measured.
    package let executable: URL
    package let templates: URL

    package init(executable: URL, templates: URL) {
        self.executable = executable
        self.templates = templates
    }

    /// Runs `reelsmith process` on a small request whose script engine is the stand-in server,
    /// which answers after `answerAfterSeconds`; measures the process over `windowSeconds` once
    /// its request is outstanding, then stops it.
    package func run(windowSeconds: Double = 20, answerAfterSeconds: Double = 30) async throws -> Result {
        let server = try LocalProviderServer { _ in .chatCompletion("{}", delaySeconds: answerAfterSeconds) }
        defer { server.stop() }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("reelsmith-wait-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let requests = root.appendingPathComponent("inbox/requests")
        try FileManager.default.createDirectory(at: requests, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("outbox"), withIntermediateDirectories: true)
        let settings = """
            providers:
              slow:
                base_url: \(server.baseURL)
                timeout_seconds: \(Int(answerAfterSeconds * 4))
                max_retries: 0
            engines:
              script: { provider: slow, model: slow-model }
              on_failure: offline
            """
        try Data(settings.utf8).write(to: root.appendingPathComponent("reelsmith.yaml"))
        let request = requests.appendingPathComponent("wait.yaml")
        try Data("niche: fitness\nlanguage: en\nduration: 15\nimages: 1\n".utf8).write(to: request)

        let process = Process()
        process.executableURL = executable
        process.arguments = ["process", request.path, "--root", root.path, "--templates", templates.path]
        let errors = root.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errors)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer {
            // SIGKILL, not SIGTERM: a graceful stop waits for the outstanding answer (up to
            // `answerAfterSeconds`), and `waitUntilExit` would hold this thread — in the test
            // suite, a thread of the shared cooperative pool — all that time.
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
        }
        let stderr = { (try? String(contentsOf: errors, encoding: .utf8)) ?? "" }
        // The window opens once the request is outstanding (start-up is not waiting).
        let asked = Date().addingTimeInterval(60)
        while server.requests.isEmpty {
            guard process.isRunning else {
                throw Problem.exitedEarly(status: process.terminationStatus, stderr: stderr())
            }
            guard Date() < asked else { throw Problem.neverAsked(stderr: stderr()) }
            try await Task.sleep(for: .milliseconds(50))
        }
        try await Task.sleep(for: .milliseconds(500))
        let before = try Self.cpuSeconds(of: process.processIdentifier)
        let clock = ContinuousClock()
        let start = clock.now
        try await Task.sleep(for: .seconds(windowSeconds))
        let after = try Self.cpuSeconds(of: process.processIdentifier)
        let window = (clock.now - start).seconds
        guard process.isRunning else { throw Problem.exitedEarly(status: process.terminationStatus, stderr: stderr()) }
        return Result(cpuSeconds: after - before, windowSeconds: window)
    }

    /// utime + stime of a process (fields 14 and 15 of `/proc/PID/stat`, in clock ticks), all its
    /// threads included.
    package static func cpuSeconds(of pid: Int32) throws -> Double {
        let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        // The command name (field 2) may hold spaces: fields are counted after its closing ')'.
        guard let close = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After ')': state is field 3, so utime (14) and stime (15) are at 11 and 12.
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}
