import Foundation
import HeadlessChromium
import LocalProviderServer
import Reelsmith
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// `reelsmith bench watch`: runs a real daemon process on a temp folder and measures the time
/// from a settled file to its job starting, the throughput on small trends files, and the idle
/// daemon's CPU and memory.
package struct WatchBenchmark: Sendable {
    package struct Result: Sendable {
        package var latencyMedianMilliseconds: Double
        package var latencyWorstMilliseconds: Double
        package var latencyFiles: Int
        package var throughputFiles: Int
        package var throughputSeconds: Double
        package var idleSeconds: Double
        package var idleCPUPercent: Double
        package var idleRSSMegabytes: Double
        /// The daemon's own memory (`RssAnon`): RSS less the file-backed pages of the shared
        /// libraries (Foundation, ICU data), which other processes share.
        package var idlePrivateMegabytes: Double
        package var filesPerSecond: Double { Double(throughputFiles) / max(0.001, throughputSeconds) }
    }

    package let executable: URL
    package let templates: URL
    package let settleSeconds: Double

    package init(executable: URL, templates: URL, settleSeconds: Double = WatchSettings().settleSeconds) {
        self.executable = executable
        self.templates = templates
        self.settleSeconds = settleSeconds
    }

    package func run(latencyFiles: Int = 200, throughputFiles: Int = 1000, idleSeconds: Double = 60) async throws
        -> Result
    {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reelsmith-bench-watch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let workspace = Workspace(root: root, templates: templates)
        let outside = root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: workspace.inbox.appendingPathComponent("trends"), withIntermediateDirectories: true)

        let daemon = try await RunningProcess.start(
            executable,
            arguments: ["watch", "--root", root.path, "--templates", templates.path, "--settle", "\(settleSeconds)"])
        do {
            let result = try await measure(
                daemon, workspace: workspace, outside: outside, latencyFiles: latencyFiles,
                throughputFiles: throughputFiles,
                idleSeconds: idleSeconds)
            try await daemon.stop()
            return result
        } catch {
            _ = try? await daemon.stop()
            throw error
        }
    }

    private func measure(
        _ daemon: RunningProcess, workspace: Workspace, outside: URL, latencyFiles: Int, throughputFiles: Int,
        idleSeconds: Double
    ) async throws -> Result {
        try await Task.sleep(for: .seconds(1))
        let index = try LearningIndex(url: workspace.indexFile)

        func drop(_ count: Int, prefix: String, spacing: Double) throws {
            for number in 0..<count {
                let name = "\(prefix)-\(number).yaml"
                let text =
                    "kind: trends\ntrends:\n  - title: \(prefix) \(number)\n    views: \(1000 + number)\n    engagement: 10\n    niche: bench\n"
                try Data(text.utf8).write(to: outside.appendingPathComponent(name))
                try FileManager.default.moveItem(
                    at: outside.appendingPathComponent(name),
                    to: workspace.inbox.appendingPathComponent("trends/\(name)"))
                if spacing > 0 { Thread.sleep(forTimeInterval: spacing) }
            }
        }
        func waitFinished(_ count: Int, timeout: Double) throws -> [JournalEntry] {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                let entries = try index.journalEntries()
                if entries.filter({ $0.finishedAt != nil }).count >= count { return entries }
                Thread.sleep(forTimeInterval: 0.02)
            }
            throw CocoaError(
                .executableLoad,
                userInfo: [NSLocalizedDescriptionKey: "the daemon did not finish \(count) files in time"])
        }

        // 1. Settle → start, files arriving one by one.
        try drop(latencyFiles, prefix: "latency", spacing: 0.02)
        let latencies = try waitFinished(latencyFiles, timeout: 120).compactMap { entry -> Double? in
            guard let settled = entry.settledAt, let started = entry.startedAt else { return nil }
            return (started - settled) * 1000
        }.sorted()

        // 2. Throughput: many small files at once.
        let start = Date()
        try drop(throughputFiles, prefix: "burst", spacing: 0)
        let entries = try waitFinished(latencyFiles + throughputFiles, timeout: 600)
        let lastFinish = entries.compactMap(\.finishedAt).max() ?? Date()

        // 3. Idle.
        let pid = daemon.processIdentifier
        let cpuBefore = Self.cpuSeconds(pid: pid)
        try await Task.sleep(for: .seconds(idleSeconds))
        let cpuAfter = Self.cpuSeconds(pid: pid)
        return Result(
            latencyMedianMilliseconds: latencies.isEmpty ? .nan : latencies[latencies.count / 2],
            latencyWorstMilliseconds: latencies.last ?? .nan, latencyFiles: latencies.count,
            throughputFiles: throughputFiles, throughputSeconds: lastFinish.timeIntervalSince(start),
            idleSeconds: idleSeconds, idleCPUPercent: (cpuAfter - cpuBefore) / idleSeconds * 100,
            idleRSSMegabytes: Self.residentMegabytes(pid: pid, field: "VmRSS"),
            idlePrivateMegabytes: Self.residentMegabytes(pid: pid, field: "RssAnon"))
    }

    /// User + system CPU seconds of a process, from /proc/PID/stat (fields 14 and 15, in clock ticks).
    package static func cpuSeconds(pid: Int32) -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let afterName = stat.split(separator: ")").last
        else { return 0 }
        let fields = afterName.split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    static func residentMegabytes(pid: Int32, field: String) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }),
            let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return .nan }
        return kilobytes / 1024
    }
}
