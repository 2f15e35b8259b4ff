import Foundation
import FoundationNetworking
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// The URLSession (libcurl underneath) of one provider, with what URLSession lacks on Linux: a
/// limit on the answer's size, enforced while it arrives, and a deadline for the whole exchange
/// (API calls) or a minimum pace (file downloads, whose length a fixed deadline cannot fit).
package final class HTTPTransfers: NSObject, URLSessionDataDelegate, @unchecked Sendable {
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

    private final class Pending {
        package let limit: Int
        package let continuation: CheckedContinuation<Reply, any Error>
        package var response: HTTPURLResponse?
        package var body = Data()
        package var failure: Failure?
        package let startedAt = DispatchTime.now()
        /// When the last headers or bytes arrived (``Pace/throughput(minimumBytesPerSecond:)``).
        var lastActivity = DispatchTime.now()

        package init(limit: Int, continuation: CheckedContinuation<Reply, any Error>) {
            self.limit = limit
            self.continuation = continuation
        }
    }

    // Every access to `pending` holds `lock`: URLSession calls the delegate on its own queue.
    // Keyed by the task object itself: task identifiers are only unique within one session.
    private let lock = NSLock()
    private var pending: [ObjectIdentifier: Pending] = [:]
    /// Tasks failed (cancelled, timed out) before their continuation was registered.
    private var failedEarly: [ObjectIdentifier: Failure] = [:]
    /// API calls of every provider. One session per process, never torn down: on Linux, tearing
    /// down a URLSession races libcurl's sockets against their dispatch sources
    /// (swift-corelibs-foundation#4791), which crashed a test run that made a client per test.
    package static let api = HTTPTransfers()
    /// Keyless file downloads (stock clips): redirects followed, paced by throughput.
    package static let downloads = HTTPTransfers(followsRedirects: true, pace: .download)

    /// Made once, in `init`: a session per call would lose libcurl's connection reuse.
    private(set) var session: URLSession!

    /// Whether redirects are followed: only for keyless downloads (``ProviderClient/download(_:limitBytes:stage:)``).
    let followsRedirects: Bool
    let pace: Pace

    private init(followsRedirects: Bool = false, pace: Pace = .deadline) {
        self.followsRedirects = followsRedirects
        self.pace = pace
        super.init()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieAcceptPolicy = .never
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        configuration.httpMaximumConnectionsPerHost = 64
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        session = URLSession(configuration: configuration, delegate: self, delegateQueue: queue)
    }

    /// Sends `request`; fails with ``Failure/timeout`` once `timeoutSeconds` have passed (or, for
    /// a ``Pace/throughput(minimumBytesPerSecond:)`` transfer, when it falls below its pace), and
    /// with ``Failure/tooLarge`` as soon as the answer passes `limit` bytes.
    package func send(_ request: URLRequest, limit: Int, timeoutSeconds: Double) async throws -> Reply {
        try Task.checkCancellation()
        var request = request
        // URLSession's own timer is an inactivity timer; ours below is the real deadline.
        request.timeoutInterval = timeoutSeconds + 5
        let task = session.dataTask(with: request)
        let id = ObjectIdentifier(task)
        // Work items on a global queue, not tasks: they must fire even when the cooperative pool is
        // busy. (Not dispatch timer sources: one per request crashed libdispatch's timer thread in
        // a test run on Linux.)
        let watchdog = Watchdog()
        switch pace {
        case .deadline:
            watchdog.after(timeoutSeconds) { [weak self] in self?.fail(id, with: .timeout, task: task) }
        case .throughput(let minimumBytesPerSecond):
            let interval = min(1, max(0.05, timeoutSeconds / 4))
            @Sendable func check() {
                let isTooSlow = lock.withLock { () -> Bool in
                    let now = DispatchTime.now()
                    // Not registered yet (the task starts once it is) or already finished.
                    guard let entry = pending[id], entry.failure == nil else { return false }
                    let elapsed = Self.seconds(entry.startedAt, now)
                    let expectedBytes = Double(minimumBytesPerSecond) * (elapsed - timeoutSeconds)
                    return Self.seconds(entry.lastActivity, now) > timeoutSeconds
                        || Double(entry.body.count) < expectedBytes
                }
                if isTooSlow { fail(id, with: .timeout, task: task) } else { watchdog.after(interval, check) }
            }
            watchdog.after(interval, check)
        }
        defer {
            watchdog.stop()
            lock.withLock { _ = failedEarly.removeValue(forKey: id) }
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let early: Failure? = lock.withLock {
                    if let failure = failedEarly.removeValue(forKey: id) { return failure }
                    pending[id] = Pending(limit: limit, continuation: continuation)
                    return nil
                }
                if let early {
                    continuation.resume(throwing: early)
                } else {
                    task.resume()
                }
            }
        } onCancel: {
            self.fail(id, with: .cancelled, task: task)
        }
    }

    private static func seconds(_ from: DispatchTime, _ to: DispatchTime) -> Double {
        Double(to.uptimeNanoseconds &- from.uptimeNanoseconds) / 1e9
    }

    private func fail(_ id: ObjectIdentifier, with failure: Failure, task: URLSessionTask) {
        lock.withLock {
            if let entry = pending[id] {
                if entry.failure == nil { entry.failure = failure }
            } else {
                failedEarly[id] = failure
            }
        }
        task.cancel()
    }

    package func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        let allowed: Bool = lock.withLock {
            guard let entry = pending[ObjectIdentifier(dataTask)] else { return false }
            entry.response = response as? HTTPURLResponse
            entry.lastActivity = .now()
            if response.expectedContentLength > Int64(entry.limit) {
                entry.failure = .tooLarge
                return false
            }
            return true
        }
        completionHandler(allowed ? .allow : .cancel)
        // corelibs ignores `.cancel` here: stop the download ourselves.
        if !allowed { dataTask.cancel() }
    }

    /// Redirects are refused: libcurl would carry the `Authorization` header to whatever host
    /// `Location` names. The 3xx answer itself is returned and reported. A keyless download
    /// follows them to https addresses (or from this machine to this machine), headers stripped
    /// of any `Authorization`.
    package func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        guard followsRedirects, let target = request.url, let scheme = target.scheme?.lowercased() else {
            return completionHandler(nil)
        }
        let fromHere = ProviderSettings.isLoopback(task.originalRequest?.url?.host ?? "")
        guard scheme == "https" || (scheme == "http" && fromHere && ProviderSettings.isLoopback(target.host ?? ""))
        else {
            return completionHandler(nil)
        }
        var next = request
        next.setValue(nil, forHTTPHeaderField: "Authorization")
        completionHandler(next)
    }

    package func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let overflow: Bool = lock.withLock {
            guard let entry = pending[ObjectIdentifier(dataTask)], entry.failure == nil else { return false }
            guard entry.body.count + data.count <= entry.limit else {
                entry.failure = .tooLarge
                entry.body = Data()
                return true
            }
            entry.body.append(data)
            entry.lastActivity = .now()
            return false
        }
        if overflow { dataTask.cancel() }
    }

    package func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let entry = lock.withLock({ pending.removeValue(forKey: ObjectIdentifier(task)) }) else { return }
        if let failure = entry.failure {
            entry.continuation.resume(throwing: failure)
        } else if let error {
            entry.continuation.resume(throwing: Self.failure(from: error))
        } else if let response = entry.response {
            var headers: [String: String] = [:]
            for (name, value) in response.allHeaderFields {
                if let name = name as? String, let value = value as? String { headers[name] = value }
            }
            entry.continuation.resume(returning: Reply(status: response.statusCode, headers: headers, body: entry.body))
        } else {
            entry.continuation.resume(throwing: Failure.unreachable("no HTTP answer"))
        }
    }

    private static func failure(from error: any Error) -> Failure {
        let code = (error as? URLError)?.code
        if code == .timedOut { return .timeout }
        if code == .cancelled { return .cancelled }
        return .unreachable((error as? URLError)?.localizedDescription ?? "\(error)")
    }
}

/// One transfer's timer: a work item after a delay, which a stopped watchdog never runs (nor
/// schedules again).
private final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var item: DispatchWorkItem?
    private var isStopped = false

    package func after(_ seconds: Double, _ action: @escaping @Sendable () -> Void) {
        lock.withLock {
            guard !isStopped else { return }
            let next = DispatchWorkItem(block: action)
            item = next
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: next)
        }
    }

    package func stop() {
        lock.withLock {
            isStopped = true
            item?.cancel()
        }
    }
}
