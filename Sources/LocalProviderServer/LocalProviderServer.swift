import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A small HTTP/1.1 server on 127.0.0.1 that speaks the OpenAI wire format, for the provider
/// tests and `reelsmith bench providers`. The provider code under test is the code that talks to
/// the real services; only the other end is ours. Each request goes to `handler`, which returns
/// the answer (status, headers, body, a delay); every request is recorded for the tests to read.
package final class LocalProviderServer: Sendable {
    package struct Request: Sendable {
        package var method: String
        package var path: String
        /// Header names lowercased.
        package var headers: [String: String]
        package var body: Data

        /// The body as a JSON object, when it is one.
        package var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] }
    }

    package struct Response: Sendable {
        package var status: Int
        package var headers: [String: String]
        package var body: Data
        /// Seconds to wait before answering (a slow model, or a timeout to provoke).
        package var delaySeconds: Double
        /// How the body goes out after the headers (which always announce its whole length).
        package var pacing: BodyPacing = .whole

        package init(status: Int = 200, headers: [String: String] = [:], body: Data = Data(), delaySeconds: Double = 0)
        {
            self.status = status
            self.headers = headers
            self.body = body
            self.delaySeconds = delaySeconds
        }

        /// A download that is slow, stalls or breaks off (the clips tests' bad connections).
        package enum BodyPacing: Sendable, Equatable {
            /// All at once.
            case whole
            /// In pieces of `chunkBytes`, `pauseSeconds` apart: slow but steady.
            case trickle(chunkBytes: Int, pauseSeconds: Double)
            /// `afterBytes`, then silence for `seconds` (or until the server stops), then the
            /// connection is closed with the rest unsent.
            case stall(afterBytes: Int, seconds: Double)
            /// `afterBytes`, then the connection is closed: a truncated file.
            case cutOff(afterBytes: Int)
        }

        /// This answer with its body sent as `pacing` says.
        package func paced(_ pacing: BodyPacing) -> Response {
            var response = self
            response.pacing = pacing
            return response
        }

        package static func json(_ object: Any, status: Int = 200, delaySeconds: Double = 0) -> Response {
            let body = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            return Response(
                status: status, headers: ["Content-Type": "application/json"], body: body, delaySeconds: delaySeconds)
        }

        /// A chat completion whose message content is `content`, with token usage.
        package static func chatCompletion(
            _ content: String, model: String = "test-model", promptTokens: Int = 100, completionTokens: Int = 50,
            delaySeconds: Double = 0
        ) -> Response {
            json(
                [
                    "id": "chatcmpl-local", "object": "chat.completion", "created": Int(Date().timeIntervalSince1970),
                    "model": model,
                    "choices": [
                        ["index": 0, "message": ["role": "assistant", "content": content], "finish_reason": "stop"]
                    ],
                    "usage": [
                        "prompt_tokens": promptTokens, "completion_tokens": completionTokens,
                        "total_tokens": promptTokens + completionTokens,
                    ],
                ], delaySeconds: delaySeconds)
        }

        /// An OpenAI-style error body.
        package static func error(_ status: Int, _ message: String, headers: [String: String] = [:]) -> Response {
            var response = json(["error": ["message": message, "type": "invalid_request_error"]], status: status)
            response.headers.merge(headers) { _, new in new }
            return response
        }

        /// `GET /models`: the models this server says it serves.
        package static func models(_ names: [String]) -> Response {
            json(["object": "list", "data": names.map { ["id": $0, "object": "model", "owned_by": "local"] }])
        }
    }

    package typealias Handler = @Sendable (Request) -> Response

    package let port: Int
    /// `http://127.0.0.1:PORT/v1`, as a provider's `base_url`.
    package var baseURL: String { "http://127.0.0.1:\(port)/v1" }
    /// `http://127.0.0.1:PORT`, the root (stock APIs' `base_url`, file links).
    package var rootURL: String { "http://127.0.0.1:\(port)" }

    private let listener: Int32
    private struct State {
        package var handler: Handler
        package var recorded: [Request] = []
        /// The connections being served: a stopped server closes them too, or a client's pooled
        /// keep-alive connection would still reach this server's handler after another test's
        /// server was given the same port.
        var connections: Set<Int32> = []
        package var isStopped = false
    }

    private let state: Mutex<State>
    private var isStopped: Bool { state.withLock { $0.isStopped } }

    package init(handler: @escaping Handler) throws {
        state = Mutex(State(handler: handler))
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw ServerError.socket(errno) }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(descriptor, 128) == 0 else {
            close(descriptor)
            throw ServerError.socket(errno)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = getsockname(descriptor, $0, &length) }
        }
        listener = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "local-provider-server"
        thread.start()
    }

    deinit { stop() }

    package enum ServerError: Error { case socket(Int32) }

    /// Replaces the handler (a test changes the server's behaviour between two steps).
    package func respond(with handler: @escaping Handler) { state.withLock { $0.handler = handler } }

    /// Every request received so far, in order.
    package var requests: [Request] { state.withLock { $0.recorded } }

    package func requests(path: String) -> [Request] { requests.filter { $0.path.hasSuffix(path) } }

    package func stop() {
        let wasRunning = state.withLock { state -> Bool in
            defer { state.isStopped = true }
            return !state.isStopped
        }
        if wasRunning {
            shutdown(listener, Int32(SHUT_RDWR))
            close(listener)
            // Under the lock: a serving thread closes its descriptor under it too, so a number
            // reused by another socket is never shut down here.
            state.withLock { state in
                for connection in state.connections { shutdown(connection, Int32(SHUT_RDWR)) }
            }
        }
    }

    private func acceptLoop() {
        while !isStopped {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if isStopped { return }
                if errno == EINTR { continue }
                return
            }
            var noDelay: Int32 = 1
            setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
            let isAccepted = state.withLock { state -> Bool in
                guard !state.isStopped else { return false }
                state.connections.insert(client)
                return true
            }
            guard isAccepted else {
                close(client)
                return
            }
            let thread = Thread { [self] in serve(client) }
            thread.start()
        }
    }

    /// Serves one connection, keep-alive included, until the client closes it.
    private func serve(_ client: Int32) {
        defer {
            state.withLock { state in
                state.connections.remove(client)
                close(client)
            }
        }
        var buffer = Data()
        while true {
            guard let headerEnd = readUntilHeaderEnd(client, &buffer) else { return }
            let head = String(decoding: buffer[buffer.startIndex..<headerEnd], as: UTF8.self)
            buffer = Data(buffer[(headerEnd + 4)...])
            var lines = head.components(separatedBy: "\r\n")
            let requestLine = lines.removeFirst().split(separator: " ")
            guard requestLine.count >= 2 else { return }
            var headers: [String: String] = [:]
            for line in lines {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                    in: .whitespaces)
            }
            let length = Int(headers["content-length"] ?? "0") ?? 0
            while buffer.count < length {
                guard let chunk = receive(client) else { return }
                buffer.append(chunk)
            }
            let body = buffer.prefix(length)
            buffer = Data(buffer.dropFirst(length))
            let request = Request(
                method: String(requestLine[0]), path: String(requestLine[1]), headers: headers, body: Data(body))
            let handler = state.withLock { state -> Handler in
                state.recorded.append(request)
                return state.handler
            }
            let response = handler(request)
            if response.delaySeconds > 0 { Thread.sleep(forTimeInterval: response.delaySeconds) }
            var text = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\n"
            for (name, value) in response.headers { text += "\(name): \(value)\r\n" }
            text += "Content-Length: \(response.body.count)\r\n\r\n"
            let answerHead = Data(text.utf8)
            switch response.pacing {
            case .whole:
                // One write for head and body: two small writes meet Nagle and delayed ACKs (40 ms).
                guard write(client, answerHead + response.body) else { return }
            case .trickle(let chunkBytes, let pauseSeconds):
                guard write(client, answerHead) else { return }
                var offset = 0
                while offset < response.body.count {
                    let end = min(response.body.count, offset + max(1, chunkBytes))
                    guard write(client, response.body.subdata(in: offset..<end)), pause(pauseSeconds) else { return }
                    offset = end
                }
            case .stall(let afterBytes, let seconds):
                _ = write(client, answerHead + response.body.prefix(afterBytes))
                _ = pause(seconds)
                return
            case .cutOff(let afterBytes):
                _ = write(client, answerHead + response.body.prefix(afterBytes))
                return
            }
            if headers["connection"]?.lowercased() == "close" { return }
        }
    }

    /// Sleeps `seconds` in short steps; false when the server was stopped meanwhile.
    private func pause(_ seconds: Double) -> Bool {
        var left = seconds
        while left > 0 {
            if isStopped { return false }
            Thread.sleep(forTimeInterval: min(0.05, left))
            left -= 0.05
        }
        return !isStopped
    }

    private func readUntilHeaderEnd(_ client: Int32, _ buffer: inout Data) -> Int? {
        let separator = Data("\r\n\r\n".utf8)
        while true {
            if let range = buffer.range(of: separator) {
                return range.lowerBound - buffer.startIndex + buffer.startIndex
            }
            guard buffer.count < 1 << 20, let chunk = receive(client) else { return nil }
            buffer.append(chunk)
        }
    }

    private func receive(_ client: Int32) -> Data? {
        var bytes = [UInt8](repeating: 0, count: 65_536)
        let count = recv(client, &bytes, bytes.count, 0)
        return count > 0 ? Data(bytes[0..<count]) : nil
    }

    /// Writes everything, or stops when the client went away (MSG_NOSIGNAL: no SIGPIPE).
    private func write(_ client: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let sent = send(client, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent <= 0 { return false }
                offset += sent
            }
            return true
        }
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 302: "Found"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}
