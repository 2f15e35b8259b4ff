import Foundation
import GRDB

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

/// A real `reelsmith watch` process on a temp project folder, for the daemon tests.
final class DaemonProcess {
    let workspace: Workspace
    let log: URL
    private(set) var process: Process?
    /// Added to the daemon's environment (a provider's key, say).
    var environment: [String: String] = [:]

    var root: URL { workspace.inbox.deletingLastPathComponent() }
    var inbox: URL { workspace.inbox }

    init(_ name: String = #function) throws {
        workspace = try TestSupport.makeWorkspace(name)
        log = workspace.inbox.deletingLastPathComponent().appendingPathComponent("daemon.log")
    }

    /// `wrapper` runs the daemon through another program (e.g. `prlimit --fsize=…`).
    func start(settle: Double = 0.3, wrapper: [String] = []) throws {
        guard FileManager.default.isExecutableFile(atPath: TestSupport.executable.path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "run `swift build` before the tests"])
        }
        let process = Process()
        let arguments = [
            "watch", "--root", root.path, "--templates", workspace.templates.path, "--settle", "\(settle)", "--rescan",
            "5",
        ]
        if let program = wrapper.first {
            process.executableURL = try ExternalTool.locate(program)
            process.arguments = Array(wrapper.dropFirst()) + [TestSupport.executable.path] + arguments
        } else {
            process.executableURL = TestSupport.executable
            process.arguments = arguments
        }
        if !FileManager.default.fileExists(atPath: log.path) {
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        }
        let handle = try FileHandle(forWritingTo: log)
        handle.seekToEndOfFile()
        process.standardError = handle
        process.standardOutput = FileHandle.nullDevice
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        try process.run()
        self.process = process
        // The daemon is ready once it logs that it is watching.
        try waitUntil(timeout: 20) {
            ((try? String(contentsOf: self.log, encoding: .utf8))?.components(separatedBy: "] watching").count ?? 1) - 1
                > self.starts
        }
        starts += 1
    }

    private var starts = 0

    func kill(_ signal: Int32) {
        guard let process else { return }
        Foundation.kill(process.processIdentifier, signal)
        process.waitUntilExit()
    }

    /// Sends SIGTERM and returns how long the daemon took to exit (SIGKILL after `limit`).
    func stopTimed(limit: Double = 15) -> Double {
        guard let process else { return 0 }
        let started = Date()
        Foundation.kill(process.processIdentifier, SIGTERM)
        while process.isRunning, Date().timeIntervalSince(started) < limit { Thread.sleep(forTimeInterval: 0.02) }
        let seconds = Date().timeIntervalSince(started)
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return seconds
    }

    deinit {
        if let process, process.isRunning {
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    func index() throws -> LearningIndex { try LearningIndex(url: workspace.indexFile) }

    func journal() throws -> [JournalEntry] { try index().journalEntries() }

    /// Writes a file outside the inbox and renames it in, as Syncthing does.
    @discardableResult
    func drop(_ text: String, as relative: String) throws -> URL {
        let destination = inbox.appendingPathComponent(relative)
        let outside = root.appendingPathComponent("outside-\(UUID().uuidString)")
        try Data(text.utf8).write(to: outside)
        try FileManager.default.createDirectory(
            at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: outside, to: destination)
        return destination
    }

    func waitUntil(timeout: Double, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let tail = ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").suffix(15).joined(
            separator: "\n")
        throw TimeoutError(log: tail)
    }

    /// Waits for `count` journal entries to have ended (done, failed or duplicate).
    /// Waits for `count` outcomes whose files are in their place too: the journal records the
    /// outcome before the file is moved to the archive or `failed/`.
    func waitForOutcomes(_ count: Int, timeout: Double = 60) throws -> [JournalEntry] {
        try waitUntil(timeout: timeout) {
            try journal().filter {
                [.done, .failed, .duplicate].contains($0.state)
                    && ($0.finalPath != nil || $0.message?.contains("Not moved out of the processing area") == true)
            }.count >= count
        }
        return try journal()
    }

    /// Waits until a render is running and past `fraction` (read from the jobs table).
    func waitForRenderProgress(above fraction: Double, timeout: Double = 60) throws {
        try waitUntil(timeout: timeout) {
            try index().database.read { db in
                try Double.fetchOne(db, sql: "SELECT progress FROM jobs WHERE stage = 'render' AND state = 'running'")
                    ?? 0
            } > fraction
        }
    }

    struct TimeoutError: Error, CustomStringConvertible {
        var log: String
        var description: String { "timed out; daemon log tail:\n\(log)" }
    }

    static func trends(_ title: String) -> String {
        "kind: trends\ntrends:\n  - title: \(title)\n    views: 1000\n    engagement: 100\n    niche: fitness\n"
    }

    static let cheapRequest = "niche: fitness\nlanguage: en\nduration: 15\nimages: 1\n"
}
