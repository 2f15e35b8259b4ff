import Foundation
import Testing

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

/// A temp project folder, a real learning index and what the daemon's services share (lanes, the
/// road of claimed files, placement), so that one service can be run alone.
struct InboxServiceFixture {
    let workspace: Workspace
    let index: LearningIndex
    let processingArea: URL
    let archive: InboxArchive
    let placement: InboxPlacement
    let lanes = InboxLanes()
    let road = AsyncStream.makeStream(of: ClaimedFile.self)

    var inbox: URL { workspace.inbox }
    var outbox: URL { workspace.outbox }

    init(_ name: String = #function) throws {
        workspace = try TestSupport.makeWorkspace(name)
        processingArea = workspace.state.appendingPathComponent("processing")
        for folder in [processingArea]
            + ["trends", "requests", "analytics"].map(workspace.inbox.appendingPathComponent)
        {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        index = try LearningIndex(url: workspace.indexFile)
        archive = InboxArchive(outbox: workspace.outbox, processing: processingArea)
        placement = InboxPlacement(index: index, archive: archive)
    }

    @discardableResult
    func write(_ text: String, to relative: String) throws -> URL {
        let url = inbox.appendingPathComponent(relative)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// Writes a file into the inbox and claims it by `rename()`, as the intake does.
    func claim(_ text: String, as relative: String) throws -> ClaimedFile {
        let url = try write(text, to: relative)
        let claim = try ClaimedFile.claim(
            parent: (relative as NSString).deletingLastPathComponent, name: Array(url.lastPathComponent.utf8),
            inbox: inbox, processingArea: processingArea, settledAt: Date())
        return try #require(claim)
    }

    /// A journal row for a claimed file, in the state a run left it.
    func journal(_ claim: ClaimedFile, state: JournalEntry.State) throws -> JournalEntry {
        let data = try Data(contentsOf: claim.processing)
        return try index.insert(
            journal: JournalEntry(
                id: nil, contentHash: SHA256.hex(data), kind: "trends", source: claim.source,
                processingPath: claim.processing.path, state: state, forced: false,
                message: state == .done ? "1 trend stored" : nil,
                output: nil, finalPath: nil, settledAt: nil, startedAt: nil, claimedAt: Date(),
                finishedAt: state == .done ? Date() : nil))
    }

    func waitUntil(timeout: Double = 30, _ condition: () throws -> Bool) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("timed out after \(timeout) s")
    }

    static func trends(_ title: String) -> String {
        "kind: trends\ntrends:\n  - title: \(title)\n    views: 1000\n    engagement: 100\n    niche: fitness\n"
    }
}
