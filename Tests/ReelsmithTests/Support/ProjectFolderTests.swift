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

/// Issue 12, hole 1: outputs go only into real folders inside the project.
@Suite struct ProjectFolderTests {
    let root: URL
    let outside: URL

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reelsmith-folder-\(UUID().uuidString.prefix(8))")
        root = base.appendingPathComponent("project")
        outside = base.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
    }

    @Test func aLinkedComponentIsRefusedAndNothingIsWrittenThroughIt() throws {
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("outbox"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("outbox/failed"), withDestinationURL: outside)
        #expect(throws: UnsafeFolderError.self) {
            try ProjectFolder(root.appendingPathComponent("outbox/failed"), under: root).write(
                Data("x".utf8), as: "cron")
        }
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("state"), withDestinationURL: outside)
        #expect(throws: UnsafeFolderError.self) {
            _ = try ProjectFolder(root.appendingPathComponent("state/processing"), under: root)
        }
        #expect(TestSupport.contents(of: outside).isEmpty)
        let message =
            "\(try #require(Result { try ProjectFolder(root.appendingPathComponent("outbox/failed"), under: root) }.failureValue))"
        #expect(
            message.contains("is a link or a file, not a real folder")
                && message.contains("replace it with a real folder"))
    }

    @Test func aRealFolderIsCreatedAndWrittenWhole() throws {
        let folder = try ProjectFolder(root.appendingPathComponent("outbox/reports"), under: root)
        let link = root.appendingPathComponent("outbox/reports/niches.json")
        try FileManager.default.createSymbolicLink(
            at: link, withDestinationURL: outside.appendingPathComponent("victim"))
        try folder.write(Data("{}".utf8), as: "niches.json")
        // The link was replaced, not followed.
        #expect(try String(contentsOf: link, encoding: .utf8) == "{}")
        #expect(TestSupport.contents(of: outside).isEmpty)
        #expect(TestSupport.contents(of: root.appendingPathComponent("outbox/reports")) == ["niches.json"])
    }
}

extension Result {
    var failureValue: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
