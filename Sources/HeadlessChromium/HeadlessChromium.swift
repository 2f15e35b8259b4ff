import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A real headless Chromium driven over the DevTools protocol on `--remote-debugging-pipe`
/// (JSON messages separated by NUL bytes, written to the browser's fd 3 and read from its
/// fd 4). The dashboard's tests and `reelsmith bench dashboard` load the page from `file://`
/// with it and watch every console message, exception and request the page makes.
/// Not `Sendable`: one owner drives one browser, in order.
package final class HeadlessChromium {
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    /// A console message, an uncaught exception or a log entry at level error.
    package struct ConsoleProblem: Equatable {
        package var kind: String
        package var text: String
    }

    package let executable: String
    private let pid: pid_t
    private let toBrowser: Int32
    private let fromBrowser: Int32
    private let profile: URL
    private var pending: [UInt8] = []
    private var nextId = 0
    private var sessionId: String?
    /// Every event received so far, in order.
    private(set) var events: [(method: String, params: [String: Any])] = []

    /// Starts the browser with an empty profile in a temp folder.
    package init(executable: String = HeadlessChromium.defaultExecutable) throws {
        self.executable = executable
        profile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reelsmith-chromium-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        var arguments = [
            executable, "--headless", "--remote-debugging-pipe", "--disable-gpu", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars",
            "--mute-audio",
            "--user-data-dir=\(profile.path)", "about:blank",
        ]
        // Chromium's sandbox refuses to run as root and needs user namespaces that CI containers
        // often lack; this harness only opens pages Reelsmith wrote, in a throwaway profile.
        arguments.insert("--no-sandbox", at: 1)

        var input: [Int32] = [0, 0]
        var output: [Int32] = [0, 0]
        guard pipe(&input) == 0, pipe(&output) == 0 else {
            throw Failure(description: "cannot make pipes: errno \(errno)")
        }
        // High, close-on-exec copies: the child gets only the two it needs, as fds 3 and 4.
        let childReads = fcntl(input[0], F_DUPFD_CLOEXEC, 100)
        let childWrites = fcntl(output[1], F_DUPFD_CLOEXEC, 100)
        toBrowser = fcntl(input[1], F_DUPFD_CLOEXEC, 100)
        fromBrowser = fcntl(output[0], F_DUPFD_CLOEXEC, 100)
        for fd in input + output { Glibc.close(fd) }
        defer {
            Glibc.close(childReads)
            Glibc.close(childWrites)
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, childReads, 3)
        posix_spawn_file_actions_adddup2(&actions, childWrites, 4)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var child: pid_t = 0
        let path = Self.resolve(executable)
        let spawned = posix_spawn(&child, path, &actions, nil, argv, environ)
        guard spawned == 0 else {
            Glibc.close(toBrowser)
            Glibc.close(fromBrowser)
            throw Failure(
                description:
                    "cannot start \(executable): \(String(cString: strerror(spawned))) (install Debian's `chromium`)")
        }
        pid = child
        signal(SIGPIPE, SIG_IGN)
    }

    deinit { close() }

    static var defaultExecutable: String { ProcessInfo.processInfo.environment["REELSMITH_CHROMIUM"] ?? "chromium" }

    /// Whether the browser can be found on the PATH (or at the given path).
    package static func isInstalled(_ executable: String = defaultExecutable) -> Bool {
        FileManager.default.isExecutableFile(atPath: resolve(executable))
    }

    private static func resolve(_ executable: String) -> String {
        if executable.contains("/") { return executable }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(executable)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return executable
    }

    private var isClosed = false

    package func close() {
        guard !isClosed else { return }
        isClosed = true
        _ = try? send("Browser.close", session: false, timeoutSeconds: 5)
        Glibc.close(toBrowser)
        Glibc.close(fromBrowser)
        var status: Int32 = 0
        for _ in 0..<50 {
            if waitpid(pid, &status, WNOHANG) == pid {
                try? FileManager.default.removeItem(at: profile)
                return
            }
            usleep(100_000)
        }
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
        try? FileManager.default.removeItem(at: profile)
    }

    // MARK: The protocol

    /// Sends a command (to the page's session once ``openPage`` attached one) and returns its result.
    @discardableResult
    package func send(
        _ method: String, _ params: [String: Any] = [:], session: Bool = true, timeoutSeconds: Double = 30
    ) throws -> [String: Any] {
        nextId += 1
        let id = nextId
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if session, let sessionId { message["sessionId"] = sessionId }
        var data = try JSONSerialization.data(withJSONObject: message)
        data.append(0)
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(toBrowser, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Failure(description: "the browser is gone (write: errno \(errno))")
                }
                offset += written
            }
        }
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while true {
            let reply = try nextMessage(until: deadline, waitingFor: method)
            if reply["id"] as? Int == id {
                if let error = reply["error"] as? [String: Any] {
                    throw Failure(description: "\(method): \(error["message"] ?? error)")
                }
                return reply["result"] as? [String: Any] ?? [:]
            }
            record(reply)
        }
    }

    /// Waits for an event whose parameters pass `test` (one already received counts) and returns
    /// its parameters. Events come in bursts: a test that wants a later event of the same kind
    /// (a download's "completed" after its "inProgress") says so here rather than skipping ahead.
    @discardableResult
    func waitForEvent(
        _ method: String, after count: Int = 0, timeoutSeconds: Double = 30,
        where test: ([String: Any]) -> Bool = { _ in true }
    ) throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while true {
            if let found = events.dropFirst(count).first(where: { $0.method == method && test($0.params) }) {
                return found.params
            }
            record(try nextMessage(until: deadline, waitingFor: method))
        }
    }

    private func record(_ message: [String: Any]) {
        guard let method = message["method"] as? String else { return }
        events.append((method, message["params"] as? [String: Any] ?? [:]))
    }

    private func nextMessage(until deadline: Date, waitingFor what: String) throws -> [String: Any] {
        while true {
            if let end = pending.firstIndex(of: 0) {
                let body = Data(pending[..<end])
                pending.removeSubrange(...end)
                guard let message = try JSONSerialization.jsonObject(with: body) as? [String: Any] else { continue }
                return message
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { throw Failure(description: "no answer from the browser for \(what)") }
            var poller = pollfd(fd: fromBrowser, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(remaining, 1) * 1000))
            if ready < 0, errno != EINTR { throw Failure(description: "poll: errno \(errno)") }
            guard ready > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let count = read(fromBrowser, &chunk, chunk.count)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw Failure(description: "the browser closed its pipe while waiting for \(what)") }
            pending.append(contentsOf: chunk[..<count])
        }
    }

    // MARK: Pages

    /// Opens a tab at the given viewport size (a phone width turns on mobile emulation, so the
    /// page's viewport meta counts), with the console, network and log domains on, and loads `url`.
    package func openPage(_ url: URL, width: Int, height: Int) throws {
        let target = try send("Target.createTarget", ["url": "about:blank"], session: false)
        guard let targetId = target["targetId"] as? String else { throw Failure(description: "no target") }
        let attached = try send("Target.attachToTarget", ["targetId": targetId, "flatten": true], session: false)
        sessionId = attached["sessionId"] as? String
        for domain in ["Page", "Runtime", "Network", "Log"] { try send("\(domain).enable") }
        try send(
            "Emulation.setDeviceMetricsOverride",
            ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600])
        try navigate(url)
    }

    /// Makes the page see `prefers-color-scheme: dark` (or light).
    func emulateColorScheme(_ scheme: String) throws {
        try send("Emulation.setEmulatedMedia", ["features": [["name": "prefers-color-scheme", "value": scheme]]])
    }

    /// Loads `url` in the open tab and waits for its load event.
    package func navigate(_ url: URL) throws {
        let before = events.count
        try send("Page.navigate", ["url": url.absoluteString])
        try waitForEvent("Page.loadEventFired", after: before)
    }

    /// The value of a JavaScript expression (JSON-compatible), awaiting it if it is a promise.
    @discardableResult
    package func evaluate(_ expression: String) throws -> Any? {
        let result = try send(
            "Runtime.evaluate", ["expression": expression, "returnByValue": true, "awaitPromise": true])
        if let exception = result["exceptionDetails"] as? [String: Any] {
            throw Failure(
                description:
                    "\(expression.prefix(80)): \((exception["exception"] as? [String: Any])?["description"] ?? exception)"
            )
        }
        return (result["result"] as? [String: Any])?["value"]
    }

    /// A PNG of the viewport (or of the whole page).
    func screenshot(fullPage: Bool = false) throws -> Data {
        let result = try send("Page.captureScreenshot", ["format": "png", "captureBeyondViewport": fullPage])
        guard let base64 = result["data"] as? String, let data = Data(base64Encoded: base64) else {
            throw Failure(description: "no screenshot data")
        }
        return data
    }

    /// Console errors and warnings, uncaught exceptions and error log entries seen so far.
    package var consoleProblems: [ConsoleProblem] {
        events.compactMap { event in
            switch event.method {
            case "Runtime.consoleAPICalled":
                let type = event.params["type"] as? String ?? ""
                guard type == "error" || type == "warning" || type == "assert" else { return nil }
                let text = (event.params["args"] as? [[String: Any]] ?? []).map {
                    "\($0["value"] ?? $0["description"] ?? "")"
                }
                return ConsoleProblem(kind: "console.\(type)", text: text.joined(separator: " "))
            case "Runtime.exceptionThrown":
                let details = event.params["exceptionDetails"] as? [String: Any] ?? [:]
                return ConsoleProblem(
                    kind: "exception",
                    text: "\((details["exception"] as? [String: Any])?["description"] ?? details["text"] ?? "")")
            case "Log.entryAdded":
                let entry = event.params["entry"] as? [String: Any] ?? [:]
                guard entry["level"] as? String == "error" || entry["level"] as? String == "warning" else { return nil }
                return ConsoleProblem(
                    kind: "log.\(entry["source"] ?? "")", text: "\(entry["text"] ?? "") \(entry["url"] ?? "")")
            default:
                return nil
            }
        }
    }

    /// Every URL the page asked for, in order (the page itself first).
    var requestedURLs: [String] {
        events.filter { $0.method == "Network.requestWillBeSent" }
            .compactMap { ($0.params["request"] as? [String: Any])?["url"] as? String }
    }

    /// Whether a JavaScript dialog (`alert`) opened.
    var openedDialog: Bool { events.contains { $0.method == "Page.javascriptDialogOpening" } }
}
