/// How the daemon watches and schedules. Defaults suit a 2-core machine and a phone syncing files.
package struct WatchSettings: Sendable, Equatable {
    /// How long a file's size and modification time must stay unchanged before it is taken.
    package var settleSeconds = 1.0
    /// A file still being written (no close seen) is taken only after this long without change.
    package var staleWriterSeconds = 30.0
    /// The full scan that catches what inotify missed.
    package var rescanSeconds = 120.0
    /// How often settled files are looked for.
    package var tickSeconds = 0.05
    /// Renders running at once (CPU-heavy: one per 2 cores).
    package var renderConcurrency = 1
    /// Trends and analytics files running at once, in their own lane so a render never delays them.
    package var lightConcurrency = 1

    package init() {}
}
