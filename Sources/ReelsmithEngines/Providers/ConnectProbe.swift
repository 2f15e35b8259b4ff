import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

#if canImport(Glibc)
    import Glibc
#endif

/// A connect timeout, which URLSession does not offer on Linux: before the first exchange with a
/// host (and after a lost connection), a TCP connect to it must succeed within the time allowed.
/// Its own thread holds the blocking resolver and `poll` (STYLE rule 3).
enum ConnectProbe {
    package static func check(host: String, port: Int, timeoutSeconds: Double) async throws(HTTPTransfers.Failure) {
        let result: HTTPTransfers.Failure? = await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: connect(host: host, port: port, timeoutSeconds: timeoutSeconds))
            }
            thread.name = "reelsmith.connect-probe"
            thread.start()
        }
        if let result { throw result }
    }

    /// nil when the connection opened in time.
    private static func connect(host: String, port: Int, timeoutSeconds: Double) -> HTTPTransfers.Failure? {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_family = AF_UNSPEC
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else {
            return .unreachable("the name \(host) does not resolve")
        }
        defer { freeaddrinfo(list) }
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        var lastProblem = "connection refused"
        var address: UnsafeMutablePointer<addrinfo>? = first
        while let candidate = address {
            address = candidate.pointee.ai_next
            let descriptor = socket(
                candidate.pointee.ai_family, candidate.pointee.ai_socktype | Int32(SOCK_NONBLOCK.rawValue), 0)
            guard descriptor >= 0 else { continue }
            defer { close(descriptor) }
            if Glibc.connect(descriptor, candidate.pointee.ai_addr, candidate.pointee.ai_addrlen) == 0 { return nil }
            guard errno == EINPROGRESS else {
                lastProblem = String(cString: strerror(errno))
                continue
            }
            var poller = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
            let remaining = Int32(max(0, deadline.timeIntervalSinceNow) * 1000)
            let ready = poll(&poller, 1, remaining)
            if ready == 0 {
                // This address did not answer in time: the next one (IPv4 after IPv6) gets what is left.
                lastProblem = "no answer"
                if deadline.timeIntervalSinceNow <= 0 { return .connectTimeout }
                continue
            }
            var socketError: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &socketError, &length)
            if ready > 0, socketError == 0 { return nil }
            lastProblem = String(cString: strerror(socketError == 0 ? errno : socketError))
        }
        return lastProblem == "no answer" ? .connectTimeout : .unreachable(lastProblem)
    }

    /// libcurl goes through a proxy when these are set; a direct probe would then be wrong.
    static func proxyIsSet(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        ["https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"].contains {
            !(environment[$0] ?? "").isEmpty
        }
    }
}
