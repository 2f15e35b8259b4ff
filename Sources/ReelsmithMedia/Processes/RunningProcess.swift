import Foundation
import ReelsmithCore
import Subprocess
import Synchronization
import SystemPackage

/// A long-running child (the daemon under test, the benchmark's daemon): started, signalled and
/// waited for by its owner, in a process group of its own. Built on swift-subprocess like
/// ``ExternalTool``; ``stop()`` tears the group down (SIGTERM, then SIGKILL after the grace period).
package final class RunningProcess: Sendable {
    /// How the child ended.
    package enum Termination: Sendable, Equatable {
        case exit, uncaughtSignal
    }

    private struct State {
        package var processIdentifier: Int32 = 0
        package var run: Task<TerminationStatus, any Error>?
        /// Set as soon as the child is reaped, so that no signal goes to a reused id.
        package var ended: TerminationStatus?
    }

    private let state = Mutex(State())

    package var processIdentifier: Int32 { state.withLock { $0.processIdentifier } }
    package var hasEnded: Bool { state.withLock { $0.ended != nil } }

    /// Starts `executable`; its stdout is discarded and its stderr appended to `standardErrorFile`
    /// (discarded when nil). `environment` is added to ours.
    package static func start(
        _ executable: URL, arguments: [String], environment: [String: String] = [:], standardErrorFile: URL? = nil,
        gracePeriod: Duration = .seconds(15)
    ) async throws -> RunningProcess {
        let (started, starting) = AsyncStream<Int32>.makeStream()
        var overrides: [Environment.Key: String?] = [:]
        for (name, value) in environment { if let key = Environment.Key(rawValue: name) { overrides[key] = value } }
        let log = try standardErrorFile.map {
            try FileDescriptor.open(
                FilePath($0.path), .writeOnly, options: [.append, .create], permissions: [.ownerReadWrite])
        }
        let configuration = Subprocess.Configuration(
            executable: .path(FilePath(executable.path)), arguments: Arguments(arguments),
            environment: .inherit.updating(overrides), platformOptions: ExternalTool.ownProcessGroup(grace: gracePeriod)
        )
        let child = RunningProcess()
        let run = Task {
            defer { starting.finish() }
            let status = try await Self.run(configuration, standardError: log) { starting.yield($0) }
            child.state.withLock { $0.ended = status }
            return status
        }
        for await processIdentifier in started {
            child.state.withLock {
                $0.processIdentifier = processIdentifier
                $0.run = run
            }
            return child
        }
        // Never started: the task holds why.
        _ = try await run.value
        throw ExternalToolError(tool: executable.path, status: 127, stderrTail: "did not start")
    }

    private static func run(
        _ configuration: Subprocess.Configuration, standardError log: FileDescriptor?,
        started: @escaping @Sendable (Int32) -> Void
    ) async throws -> TerminationStatus {
        if let log {
            try await Subprocess.run(
                configuration, input: .none, output: .discarded,
                error: .fileDescriptor(log, closeAfterSpawningProcess: true)
            ) { started($0.processIdentifier.value) }.terminationStatus
        } else {
            try await Subprocess.run(configuration, input: .none, output: .discarded, error: .discarded) {
                started($0.processIdentifier.value)
            }.terminationStatus
        }
    }

    /// Sends `signal` to the child, or to its whole process group, unless it has ended (its id
    /// may be reused). The child alone is what a crash test wants: its own children live on.
    package func send(_ signal: Int32, toProcessGroup: Bool = false) {
        state.withLock { state in
            guard state.ended == nil, state.processIdentifier > 1 else { return }
            kill(toProcessGroup ? -state.processIdentifier : state.processIdentifier, signal)
        }
    }

    /// Waits, without using the CPU, until the child has ended.
    @discardableResult
    package func waitForExit() async throws -> (reason: Termination, status: Int32) {
        guard let run = state.withLock({ $0.run }) else { return (.exit, 0) }
        return switch try await run.value {
        case .exited(let code): (.exit, code)
        case .signaled(let signal): (.uncaughtSignal, signal)
        }
    }

    /// Stops the child and its group: SIGTERM, then SIGKILL after the grace period.
    @discardableResult
    package func stop() async throws -> (reason: Termination, status: Int32) {
        state.withLock { $0.run }?.cancel()
        return try await waitForExit()
    }
}
