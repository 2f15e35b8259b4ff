import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia
import Synchronization

/// The HTTP exchanges of the providers, on AsyncHTTPClient (SwiftNIO's event loops, which wait in
/// `epoll_wait` without spinning: FoundationNetworking's libcurl loop used 0.8 of a core while a
/// request was outstanding, issue 19), with a limit on the answer's size enforced while it arrives,
/// a deadline for the whole exchange (API calls) or a minimum pace (file downloads, whose length a
/// fixed deadline cannot fit), and redirects refused (API calls) or followed only where safe.
package final class HTTPTransfers: Sendable {
    /// When a transfer is given up as too slow.
    enum Pace: Sendable, Equatable {
        /// The whole exchange within `timeoutSeconds` (an API call: small answers, slow models).
        case deadline
        /// Never silent longer than `timeoutSeconds`, and, once `timeoutSeconds` have passed, at
        /// least `minimumBytesPerSecond` on average: a 100 MB clip on a good line takes as long as
        /// it needs, a stalled or crawling one is dropped early.
        case throughput(minimumBytesPerSecond: Int)

        /// Stock clip downloads: 64 KB/s is ~0.5 Mbit/s, far below any line that can stream video.
        package static let download = Pace.throughput(minimumBytesPerSecond: 64 << 10)
    }

    /// What is sent: an address, a method, headers and a body.
    package struct Request: Sendable {
        package var url: URL
        package var method = "GET"
        package var headers: [String: String] = [:]
        package var body: Data?

        package init(url: URL, method: String = "GET") {
            self.url = url
            self.method = method
        }

        /// Sets (or, with nil, removes) a header, whatever the case of its name.
        package mutating func setValue(_ value: String?, forHTTPHeaderField name: String) {
            for key in headers.keys where key.caseInsensitiveCompare(name) == .orderedSame {
                headers.removeValue(forKey: key)
            }
            if let value { headers[name] = value }
        }
    }

    /// What came back: a status, headers and a body within the size limit.
    package struct Reply: Sendable {
        package var status: Int
        package var headers: [String: String]
        package var body: Data

        package func header(_ name: String) -> String? {
            headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
    }

    package enum Failure: Error, Equatable {
        case timeout
        case connectTimeout
        case unreachable(String)
        case tooLarge
        case cancelled
    }

    /// The one HTTP client of the process, for every provider: its connection pool is shared (a
    /// client per call would lose connection reuse). It never follows redirects itself: ``send``
    /// decides. Shut down by ``shutdown()`` when the program ends.
    private static let client = HTTPClient(
        eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: clientConfiguration)

    private static var clientConfiguration: HTTPClient.Configuration {
        HTTPClient.Configuration(
            redirectConfiguration: .disallow, timeout: HTTPClient.Configuration.Timeout(),
            connectionPool: .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 64),
            proxy: nil, ignoreUncleanSSLShutdown: false, decompression: .disabled)
    }

    /// API calls of every provider.
    package static let api = HTTPTransfers()
    /// Keyless file downloads (stock clips): redirects followed, paced by throughput.
    package static let downloads = HTTPTransfers(followsRedirects: true, pace: .download)

    /// Whether redirects are followed: only for keyless downloads (``ProviderClient/download(_:limitBytes:stage:)``).
    let followsRedirects: Bool
    let pace: Pace
    /// Enough for Pexels' file link → CDN, never a loop.
    private static let mostRedirects = 5

    private init(followsRedirects: Bool = false, pace: Pace = .deadline) {
        self.followsRedirects = followsRedirects
        self.pace = pace
    }

    /// Closes the connections and stops using the event loops; the program calls it once, at its
    /// end (a transfer after it fails as unreachable).
    package static func shutdown() async {
        guard hasStarted.withLock({ $0 }) else { return }
        try? await client.shutdown()
    }

    /// Whether ``client`` was made: a program that sent nothing has nothing to shut down.
    private static let hasStarted = Mutex(false)

    /// Sends `request`; fails with ``Failure/timeout`` once `timeoutSeconds` have passed (or, for
    /// a ``Pace/throughput(minimumBytesPerSecond:)`` transfer, when it falls below its pace), and
    /// with ``Failure/tooLarge`` as soon as the answer passes `limit` bytes.
    package func send(_ request: Request, limit: Int, timeoutSeconds: Double) async throws -> Reply {
        try Task.checkCancellation()
        Self.hasStarted.withLock { $0 = true }
        let progress = TransferProgress()
        let work = Task { try await self.perform(request, limit: limit, progress: progress) }
        // The watchdog runs on an event loop, not in the cooperative pool: it must fire even when
        // the pool is busy (alignment, decoding).
        let loop = HTTPClient.defaultEventLoopGroup.any()
        let timeout = TimeAmount.nanoseconds(Int64(max(0, timeoutSeconds) * 1e9))
        let stopWatchdog: @Sendable () -> Void
        switch pace {
        case .deadline:
            let scheduled = loop.scheduleTask(in: timeout) {
                progress.fail(with: .timeout)
                work.cancel()
            }
            stopWatchdog = { scheduled.cancel() }
        case .throughput(let minimumBytesPerSecond):
            let interval = TimeAmount.nanoseconds(Int64(min(1, max(0.05, timeoutSeconds / 4)) * 1e9))
            let repeated = loop.scheduleRepeatedTask(initialDelay: interval, delay: interval) { _ in
                if progress.isTooSlow(timeoutSeconds: timeoutSeconds, minimumBytesPerSecond: minimumBytesPerSecond) {
                    progress.fail(with: .timeout)
                    work.cancel()
                }
            }
            stopWatchdog = { repeated.cancel() }
        }
        defer { stopWatchdog() }
        do {
            return try await withTaskCancellationHandler {
                try await work.value
            } onCancel: {
                progress.fail(with: .cancelled)
                work.cancel()
            }
        } catch {
            throw progress.failure ?? Self.failure(from: error)
        }
    }

    private func perform(_ request: Request, limit: Int, progress: TransferProgress) async throws -> Reply {
        var current = request
        var redirects = 0
        while true {
            var outgoing = HTTPClientRequest(url: current.url.absoluteString)
            outgoing.method = .init(rawValue: current.method)
            for (name, value) in current.headers { outgoing.headers.add(name: name, value: value) }
            if let body = current.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
            let response = try await Self.client.execute(outgoing, deadline: .distantFuture)
            progress.received(bytes: 0)
            let status = Int(response.status.code)
            if followsRedirects, [301, 302, 303, 307, 308].contains(status), redirects < Self.mostRedirects,
                let location = response.headers.first(name: "location"),
                let next = Self.redirect(from: current, original: request, to: location)
            {
                redirects += 1
                current = next
                continue
            }
            if let length = response.headers.first(name: "content-length").flatMap(Int.init), length > limit {
                throw progress.fail(with: .tooLarge)
            }
            var body = Data()
            for try await chunk in response.body {
                guard body.count + chunk.readableBytes <= limit else { throw progress.fail(with: .tooLarge) }
                body.append(contentsOf: chunk.readableBytesView)
                progress.received(bytes: body.count)
            }
            var headers: [String: String] = [:]
            for (name, value) in response.headers {
                headers[name] = headers[name].map { "\($0), \(value)" } ?? value
            }
            return Reply(status: status, headers: headers, body: body)
        }
    }

    /// The request a redirect leads to, or nil when it is not followed: only to https addresses (or
    /// from this machine to this machine), without any `Authorization` header.
    private static func redirect(from request: Request, original: Request, to location: String) -> Request? {
        guard let target = URL(string: location, relativeTo: request.url)?.absoluteURL,
            let scheme = target.scheme?.lowercased()
        else { return nil }
        let fromHere = ProviderSettings.isLoopback(original.url.host ?? "")
        guard scheme == "https" || (scheme == "http" && fromHere && ProviderSettings.isLoopback(target.host ?? ""))
        else { return nil }
        var next = Request(url: target, method: request.method == "HEAD" ? "HEAD" : "GET")
        next.headers = request.headers
        next.setValue(nil, forHTTPHeaderField: "Authorization")
        next.setValue(nil, forHTTPHeaderField: "Content-Type")
        return next
    }

    private static func failure(from error: any Error) -> Failure {
        if let failure = error as? Failure { return failure }
        if error is CancellationError { return .cancelled }
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout, .tlsHandshakeTimeout: return .connectTimeout
            case .deadlineExceeded, .readTimeout: return .timeout
            case .cancelled: return .cancelled
            case .remoteConnectionClosed: return .unreachable("the server closed the connection")
            default: return .unreachable("\(error)")
            }
        }
        if let error = error as? IOError { return .unreachable(String(cString: strerror(error.errnoCode))) }
        return .unreachable("\(error)")
    }
}

/// One transfer's state as its watchdog sees it: when it started, when bytes last arrived, how
/// many, and why it was stopped.
private final class TransferProgress: Sendable {
    private struct State {
        var failure: HTTPTransfers.Failure?
        var lastActivity = ContinuousClock.now
        var bytes = 0
    }

    private let startedAt = ContinuousClock.now
    private let state = Mutex(State())

    var failure: HTTPTransfers.Failure? { state.withLock { $0.failure } }

    /// Records the first reason only; returns the reason that stands.
    @discardableResult
    func fail(with failure: HTTPTransfers.Failure) -> HTTPTransfers.Failure {
        state.withLock { state in
            if state.failure == nil { state.failure = failure }
            return state.failure ?? failure
        }
    }

    func received(bytes: Int) {
        state.withLock { state in
            state.bytes = bytes
            state.lastActivity = .now
        }
    }

    func isTooSlow(timeoutSeconds: Double, minimumBytesPerSecond: Int) -> Bool {
        state.withLock { state in
            guard state.failure == nil else { return false }
            let now = ContinuousClock.now
            let elapsed = (now - startedAt).seconds
            let expectedBytes = Double(minimumBytesPerSecond) * (elapsed - timeoutSeconds)
            return (now - state.lastActivity).seconds > timeoutSeconds || Double(state.bytes) < expectedBytes
        }
    }
}
