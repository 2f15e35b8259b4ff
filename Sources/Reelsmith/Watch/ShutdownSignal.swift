import Foundation

/// Waits for SIGTERM or SIGINT (systemd stop, Ctrl-C). The default handlers are replaced so the
/// daemon can stop at a checkpoint and exit 0.
public enum ShutdownSignal {
    /// Returns the name of the first termination signal received.
    public static func wait() async -> String {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        var sources: [any DispatchSourceSignal] = []
        for (number, name) in [(SIGTERM, "SIGTERM"), (SIGINT, "SIGINT")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(name) }
            source.resume()
            sources.append(source)
        }
        var iterator = stream.makeAsyncIterator()
        let name = await iterator.next() ?? "cancelled"
        sources.forEach { $0.cancel() }
        return name
    }
}
