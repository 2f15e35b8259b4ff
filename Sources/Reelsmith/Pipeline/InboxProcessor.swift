import Foundation

/// What processing one inbox file produced, for logs, `reelsmith process` and the daemon's journal.
public struct ProcessOutcome: Sendable {
    public var kind: InputKind
    /// One line for the user.
    public var summary: String
    /// The published folder or report, when there is one.
    public var output: URL?
    /// Problems that did not stop the file (an analytics row that could not be read, an ambiguous
    /// match), one line each with its row number; the daemon writes them beside the archived input.
    public var problems: [String] = []
}

/// Routes one inbox file to the pipeline of its kind (DESIGN §1–2). The one entry point shared by
/// `reelsmith process` and the daemon.
public struct InboxProcessor: Sendable {
    public let generation: GenerationPipeline
    var workspace: Workspace { generation.workspace }
    var index: LearningIndex { generation.index }

    public init(generation: GenerationPipeline) {
        self.generation = generation
    }

    /// - Parameter folder: the inbox folder the file came from (`requests`, `trends`, `analytics`)
    ///   when the file has been moved since; by default its parent folder.
    public func process(
        file: URL, displayName: String? = nil, folder: String? = nil,
        progress: (@Sendable (Stage, Double) -> Void)? = nil
    ) async throws -> ProcessOutcome {
        let name = displayName ?? file.path
        let data = try InputError.readFile(file, displayName: name)
        switch try InputKind.detect(file: file, data: data, displayName: name, folder: folder) {
        case .request:
            let published = try await generation.run(requestFile: file, displayName: name, progress: progress)
            return ProcessOutcome(
                kind: .request,
                summary: "video published (score \(published.report.score.total)/100, "
                    + String(format: "%.1f s", published.report.durationSeconds) + ")",
                output: published.folder)
        case .trends:
            return try processTrends(data: data, displayName: name)
        case .analytics:
            return try processAnalytics(data: data, file: file, displayName: name)
        }
    }

    // Until the learning loop lands, trends and analytics files are acknowledged only.
    func processTrends(data: Data, displayName: String) throws -> ProcessOutcome {
        ProcessOutcome(kind: .trends, summary: "trends acknowledged (ingestion comes with the learning loop)", output: nil)
    }

    func processAnalytics(data: Data, file: URL, displayName: String) throws -> ProcessOutcome {
        ProcessOutcome(kind: .analytics, summary: "analytics acknowledged (ingestion comes with the learning loop)", output: nil)
    }
}
