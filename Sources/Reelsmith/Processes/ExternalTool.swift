import Foundation

/// A failed run of an external program, with its last stderr lines for the user.
public struct ExternalToolError: Error, CustomStringConvertible, Sendable {
    public var tool: String
    public var status: Int32
    public var stderrTail: String

    public var description: String {
        "\(tool) exited with status \(status)" + (stderrTail.isEmpty ? "" : ":\n\(stderrTail)")
    }
}

/// Runs a program with an argument array (never a shell), keeps the tail of its stderr, streams
/// its stdout line by line, and on cancellation sends SIGTERM, then SIGKILL after a grace period.
struct ExternalTool: Sendable {
    var executable: String
    var workingDirectory: URL?
    var stderrLimit = 8192
    var gracePeriod: Duration = .seconds(3)

    struct Output: Sendable {
        var stdout: String
        var stderr: String
    }

    /// The program ran longer than its time limit and was stopped.
    struct TimedOut: Error, Sendable {
        var seconds: Double
    }

    /// Runs to completion within `timeoutSeconds`, with `input` on its stdin; stopped (SIGTERM,
    /// then SIGKILL) and ``TimedOut`` thrown when it takes longer.
    @discardableResult
    func run(_ arguments: [String], input: Data?, timeoutSeconds: Double) async throws -> Output {
        try await withThrowingTaskGroup(of: Output?.self) { group in
            group.addTask { try await run(arguments, input: input) }
            group.addTask {
                try await Task.sleep(for: .seconds(timeoutSeconds))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let output = first else { throw TimedOut(seconds: timeoutSeconds) }
            return output
        }
    }

    /// Runs to completion; `onLine` sees every stdout line as it arrives.
    @discardableResult
    /// - Parameter onStart: called with the child's process id once it runs (to record it).
    func run(
        _ arguments: [String], input: Data? = nil, onStart: (@Sendable (Int32) -> Void)? = nil,
        onLine: (@Sendable (String) -> Void)? = nil
    ) async throws -> Output {
        let process = Process()
        process.executableURL = try Self.locate(executable)
        process.arguments = arguments
        if let workingDirectory { process.currentDirectoryURL = workingDirectory }
        let stdoutPipe = Pipe(), stderrPipe = Pipe()
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        let stdinPipe = input.map { _ in Pipe() }
        process.standardInput = stdinPipe ?? FileHandle.nullDevice

        let collector = OutputCollector(stderrLimit: stderrLimit, onLine: onLine)
        stdoutPipe.fileHandleForReading.readabilityHandler = { handle in collector.appendStdout(handle.availableData) }
        stderrPipe.fileHandleForReading.readabilityHandler = { handle in collector.appendStderr(handle.availableData) }

        let status: Int32 = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int32, any Error>) in
                process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
                do {
                    try process.run()
                    onStart?(process.processIdentifier)
                    if let stdinPipe, let input {
                        // A child that exits without reading must not kill us with SIGPIPE.
                        signal(SIGPIPE, SIG_IGN)
                        // Written from its own thread: a child that reads slowly must not block us.
                        Thread.detachNewThread {
                            let handle = stdinPipe.fileHandleForWriting
                            try? handle.write(contentsOf: input)
                            try? handle.close()
                        }
                    }
                    // Cancelled before the child existed: the handler below found nothing to stop.
                    if Task.isCancelled { process.terminate() }
                } catch {
                    process.terminationHandler = nil
                    continuation.resume(throwing: error)
                }
            }
        } onCancel: {
            guard process.isRunning else { return }
            // The child and everything it started (a wrapper script's programs): SIGTERM, then SIGKILL.
            let pid = process.processIdentifier
            let tree = [pid] + ProcessTree.descendants(of: pid)
            for member in tree { kill(member, SIGTERM) }
            let grace = gracePeriod
            Thread.detachNewThread {
                Thread.sleep(forTimeInterval: Double(grace.components.seconds))
                for member in tree + ProcessTree.descendants(of: pid) { kill(member, SIGKILL) }
            }
        }
        stdoutPipe.fileHandleForReading.readabilityHandler = nil
        stderrPipe.fileHandleForReading.readabilityHandler = nil
        // What is left in the pipes, without waiting: a program may leave a background child
        // holding them open after it exits.
        collector.appendStdout(ProcessTree.drain(stdoutPipe.fileHandleForReading))
        collector.appendStderr(ProcessTree.drain(stderrPipe.fileHandleForReading))
        let output = collector.finish()
        try Task.checkCancellation()
        guard status == 0 else {
            let tail = output.stderr.split(separator: "\n").suffix(12).joined(separator: "\n")
            throw ExternalToolError(tool: executable, status: status, stderrTail: tail)
        }
        return output
    }

    /// The program's path: as given when it contains a slash, else the first match on PATH.
    static func locate(_ name: String) throws -> URL {
        if name.contains("/") { return URL(fileURLWithPath: name) }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw ExternalToolError(
            tool: name, status: 127, stderrTail: "\(name) is not installed or not on PATH — install it (apt-get install \(name))")
    }
}

/// Thread-safe accumulation of a child's output; stdout is split into lines for the callback.
private final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var stdout = Data()
    private var pending = Data()
    private var stderr = Data()
    private let stderrLimit: Int
    private let onLine: (@Sendable (String) -> Void)?

    init(stderrLimit: Int, onLine: (@Sendable (String) -> Void)?) {
        self.stderrLimit = stderrLimit
        self.onLine = onLine
    }

    func appendStdout(_ data: Data) {
        guard !data.isEmpty else { return }
        var lines: [String] = []
        lock.lock()
        if stdout.count < 1 << 20 { stdout.append(data) }
        pending.append(data)
        while let newline = pending.firstIndex(of: 0x0A) {
            lines.append(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
            pending.removeSubrange(pending.startIndex...newline)
        }
        lock.unlock()
        if let onLine { lines.forEach(onLine) }
    }

    func appendStderr(_ data: Data) {
        guard !data.isEmpty else { return }
        lock.lock()
        stderr.append(data)
        if stderr.count > stderrLimit * 2 { stderr = stderr.suffix(stderrLimit) }
        lock.unlock()
    }

    func finish() -> ExternalTool.Output {
        lock.lock()
        defer { lock.unlock() }
        return .init(
            stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr.suffix(stderrLimit), as: UTF8.self))
    }
}

/// A child's own children, found in /proc, so a time limit stops a whole wrapper script; and
/// reading what a pipe holds without waiting for every writer to close it.
enum ProcessTree {
    /// Every process descending from `pid` (children first), read from /proc/PID/stat's parent field.
    static func descendants(of pid: Int32) -> [Int32] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        var parents: [Int32: [Int32]] = [:]
        for name in names {
            guard let child = Int32(name),
                let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { continue }
            // "pid (comm) state ppid …": the command may hold spaces and parentheses.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 1, let parent = Int32(fields[1]) else { continue }
            parents[parent, default: []].append(child)
        }
        var result: [Int32] = []
        var queue = parents[pid] ?? []
        while let next = queue.first {
            queue.removeFirst()
            result.append(next)
            queue += parents[next] ?? []
        }
        return result
    }

    /// The bytes a pipe holds now, up to its end or until it would block.
    static func drain(_ handle: FileHandle) -> Data {
        let descriptor = handle.fileDescriptor
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            data.append(contentsOf: buffer[0..<count])
        }
        return data
    }
}
