import Foundation

/// Times the stages of a job and remembers them in the staging folder, so a resumed job still
/// reports what the re-used stages cost the first time.
struct StageClock {
    let file: URL
    private(set) var entries: [StageTiming] = []
    private var earlier: [Stage: Double]

    init(file: URL) {
        self.file = file
        let saved = (try? JSONFiles.read([StageTiming].self, from: file)) ?? []
        earlier = Dictionary(saved.map { ($0.stage, $0.seconds) }, uniquingKeysWith: { first, _ in first })
    }

    /// Runs `work`, or `reuse` when the stage's product already exists.
    mutating func measure<T>(
        _ stage: Stage, reused: Bool, work: () async throws -> T, reuse: () throws -> T
    ) async throws -> T {
        if reused {
            let value = try reuse()
            entries.append(StageTiming(stage: stage, seconds: earlier[stage] ?? 0, reused: true))
            return value
        }
        let clock = ContinuousClock()
        let start = clock.now
        let value = try await work()
        let elapsed = clock.now - start
        let seconds = elapsed.seconds
        entries.append(StageTiming(stage: stage, seconds: (seconds * 1000).rounded() / 1000, reused: false))
        earlier[stage] = seconds
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? JSONFiles.write(entries, to: file)
        return value
    }
}
