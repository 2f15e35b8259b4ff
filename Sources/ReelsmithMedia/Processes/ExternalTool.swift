import Foundation
import ReelsmithCore
import Subprocess
import SystemPackage

/// A failed run of an external program, with its last stderr lines for the user.
package struct ExternalToolError: Error, CustomStringConvertible, Sendable {
    package var tool: String
    package var status: Int32
    package var stderrTail: String

    package var description: String {
        "\(tool) exited with status \(status)" + (stderrTail.isEmpty ? "" : ":\n\(stderrTail)")
    }
}

/// Runs a program with an argument array (never a shell), keeps the tail of its stderr, streams
/// its stdout line by line, and on cancellation sends SIGTERM to its whole process group, then
/// SIGKILL after a grace period. Built on swift-subprocess: the child is its own group leader, so
/// a wrapper script's programs are stopped with it.
package struct ExternalTool: Sendable {
    package var executable: String
    package var workingDirectory: URL?
    /// Added to our environment.
    package var environment: [String: String]
    package var stderrLimit: Int
    /// What is kept of stdout; the rest is read and dropped.
    package var stdoutLimit: Int
    package var gracePeriod: Duration = .seconds(3)

    package init(
        executable: String, workingDirectory: URL? = nil, environment: [String: String] = [:], stderrLimit: Int = 8192,
        stdoutLimit: Int = 1 << 20
    ) {
        self.executable = executable
        self.workingDirectory = workingDirectory
        self.environment = environment
        self.stderrLimit = stderrLimit
        self.stdoutLimit = stdoutLimit
    }

    package struct Output: Sendable {
        package var stdout: String
        package var stderr: String
    }

    /// The program ran longer than its time limit and was stopped.
    package struct TimedOut: Error, Sendable {
        package var seconds: Double
    }

    /// Runs to completion within `timeoutSeconds`, with `input` on its stdin; stopped (SIGTERM,
    /// then SIGKILL) and ``TimedOut`` thrown when it takes longer.
    @discardableResult
    package func run(_ arguments: [String], input: Data?, timeoutSeconds: Double) async throws -> Output {
        try await withThrowingTaskGroup(of: Output?.self) { group in
            group.addTask { try await run(arguments, input: input) }
            group.addTask {
                try await Task.sleep(for: .seconds(timeoutSeconds))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let output = first else {
                throw TimedOut(seconds: timeoutSeconds)
            }
            return output
        }
    }

    /// Runs to completion; `onLine` sees every stdout line as it arrives.
    /// - Parameter onStart: called with the child's process id once it runs (to record it).
    @discardableResult
    package func run(
        _ arguments: [String], input: Data? = nil, onStart: (@Sendable (Int32) -> Void)? = nil,
        onLine: (@Sendable (String) -> Void)? = nil
    ) async throws -> Output {
        let (output, status) = try await runToExit(arguments, input: input, onStart: onStart, onLine: onLine)
        guard status == 0 else {
            let tail = output.stderr.split(separator: "\n").suffix(12).joined(separator: "\n")
            throw ExternalToolError(tool: executable, status: status, stderrTail: tail)
        }
        return output
    }

    /// Runs to completion and returns the output with the exit status (or the signal's number),
    /// whatever it is.
    package func runToExit(
        _ arguments: [String], input: Data? = nil, onStart: (@Sendable (Int32) -> Void)? = nil,
        onLine: (@Sendable (String) -> Void)? = nil
    ) async throws -> (output: Output, status: Int32) {
        let program = FilePath(try Self.locate(executable).path)
        // The input is a file, not a pipe: a child that exits without reading cannot break a pipe
        // under us (SIGPIPE), and one that reads slowly cannot block us.
        let result =
            if let input {
                try await run(
                    program, arguments,
                    input: .fileDescriptor(try Self.unlinkedFile(holding: input), closeAfterSpawningProcess: true),
                    onStart: onStart, onLine: onLine)
            } else {
                try await run(program, arguments, input: .none, onStart: onStart, onLine: onLine)
            }
        try Task.checkCancellation()
        switch result.terminationStatus {
        case .exited(let status), .signaled(let status): return (result.closureResult, status)
        }
    }

    /// One run. stderr, and stdout when nobody streams its lines, go to unlinked files read once
    /// the child has exited: a pipe's last bytes can be lost when the child exits before we read
    /// them (swift-subprocess ends a stream when the process ends), and those last bytes are what
    /// matters here (ffmpeg's loudness summary, ffprobe's JSON). A streamed stdout (`onLine`, the
    /// render's progress) is read from a pipe as it comes: the first `stdoutLimit` bytes are kept,
    /// and of stderr the last `stderrLimit`.
    private func run(
        _ program: FilePath, _ arguments: [String], input: some InputProtocol, onStart: (@Sendable (Int32) -> Void)?,
        onLine: (@Sendable (String) -> Void)?
    ) async throws -> (terminationStatus: TerminationStatus, closureResult: Output) {
        let stdoutLimit = stdoutLimit
        var overrides: [Environment.Key: String?] = [:]
        for (name, value) in environment { if let key = Environment.Key(rawValue: name) { overrides[key] = value } }
        let errorFile = try Self.unlinkedFile(holding: Data())
        defer { try? errorFile.close() }
        let options = Self.ownProcessGroup(grace: gracePeriod)
        let folder = workingDirectory.map { FilePath($0.path) }
        let error = FileDescriptorOutput.fileDescriptor(errorFile, closeAfterSpawningProcess: false)
        var output = Output(stdout: "", stderr: "")
        let status: TerminationStatus
        if let onLine {
            let result = try await Subprocess.run(
                .path(program), arguments: Arguments(arguments), environment: .inherit.updating(overrides),
                workingDirectory: folder, platformOptions: options, input: input, output: .sequence, error: error
            ) { execution in
                onStart?(execution.processIdentifier.value)
                var kept = Data()
                var pending = Data()
                for try await buffer in execution.standardOutput {
                    let data = buffer.withUnsafeBytes { Data($0) }
                    if kept.count < stdoutLimit { kept.append(data.prefix(stdoutLimit - kept.count)) }
                    pending.append(data)
                    while let newline = pending.firstIndex(of: 0x0A) {
                        onLine(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                        pending.removeSubrange(pending.startIndex...newline)
                    }
                }
                return kept
            }
            status = result.terminationStatus
            output.stdout = String(decoding: result.closureResult, as: UTF8.self)
        } else {
            let outputFile = try Self.unlinkedFile(holding: Data())
            defer { try? outputFile.close() }
            let result = try await Subprocess.run(
                .path(program), arguments: Arguments(arguments), environment: .inherit.updating(overrides),
                workingDirectory: folder, platformOptions: options, input: input,
                output: .fileDescriptor(outputFile, closeAfterSpawningProcess: false), error: error
            ) { execution in
                onStart?(execution.processIdentifier.value)
            }
            status = result.terminationStatus
            output.stdout = String(decoding: try Self.read(outputFile, first: stdoutLimit), as: UTF8.self)
        }
        output.stderr = String(decoding: try Self.read(errorFile, last: stderrLimit), as: UTF8.self)
        return (status, output)
    }

    /// The first `limit` bytes of a file the child wrote.
    static func read(_ file: FileDescriptor, first limit: Int) throws -> Data {
        try file.seek(offset: 0, from: .start)
        return try read(file, count: limit)
    }

    /// The last `limit` bytes of a file the child wrote.
    static func read(_ file: FileDescriptor, last limit: Int) throws -> Data {
        let size = try file.seek(offset: 0, from: .end)
        try file.seek(offset: max(0, size - Int64(limit)), from: .start)
        return try read(file, count: limit)
    }

    private static func read(_ file: FileDescriptor, count limit: Int) throws -> Data {
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while data.count < limit {
            let got = try chunk.withUnsafeMutableBytes { try file.read(into: $0) }
            if got == 0 { break }
            data.append(contentsOf: chunk[0..<min(got, limit - data.count)])
        }
        return data
    }

    /// The child leads a process group of its own; a teardown signals the whole group: SIGTERM,
    /// then SIGKILL once `grace` has passed.
    static func ownProcessGroup(grace: Duration) -> PlatformOptions {
        var options = PlatformOptions()
        options.processGroupID = 0
        options.teardownSequence = [.gracefulShutDown(toProcessGroup: true, allowedDurationToNextStep: grace)]
        return options
    }

    /// A file holding `data`, already unlinked, opened for reading from its start.
    static func unlinkedFile(holding data: Data) throws -> FileDescriptor {
        var template = Array(
            FileManager.default.temporaryDirectory.appendingPathComponent("reelsmith-stdin-XXXXXX").path.utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
        let file = FileDescriptor(rawValue: descriptor)
        unlink(template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
        do {
            _ = try file.writeAll(data)
            try file.seek(offset: 0, from: .start)
        } catch {
            try? file.close()
            throw error
        }
        return file
    }

    /// The program's path: as given when it contains a slash, else the first match on PATH.
    package static func locate(_ name: String) throws -> URL {
        if name.contains("/") { return URL(fileURLWithPath: name) }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw ExternalToolError(
            tool: name, status: 127,
            stderrTail: "\(name) is not installed or not on PATH — install it (apt-get install \(name))")
    }
}
