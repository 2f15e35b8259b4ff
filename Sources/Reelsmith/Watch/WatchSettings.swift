/// How the daemon watches and schedules. Defaults suit a 2-core machine and a phone syncing files.
public struct WatchSettings: Sendable, Equatable {
    /// How long a file's size and modification time must stay unchanged before it is taken.
    public var settleSeconds = 1.0
    /// A file still being written (no close seen) is taken only after this long without change.
    public var staleWriterSeconds = 30.0
    /// The full scan that catches what inotify missed.
    public var rescanSeconds = 120.0
    /// How often settled files are looked for.
    public var tickSeconds = 0.05
    /// Renders running at once (CPU-heavy: one per 2 cores).
    public var renderConcurrency = 1
    /// Trends and analytics files running at once, in their own lane so a render never delays them.
    public var lightConcurrency = 1

    public init() {}
}
