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

@Suite struct ProjectInitializerTests {
    private func temporaryProject() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("reelsmith-init-\(UUID().uuidString)")
    }

    @Test func aFreshProjectHasExamplesTemplatesAndStignore() async throws {
        let project = temporaryProject()
        let created = try ProjectInitializer(source: TestSupport.packageRoot).create(at: project)
        #expect(created.contains("templates/") && created.contains(".stignore"))
        for path in [
            "inbox/requests/example-en.yaml", "inbox/trends/example-trends.yaml",
            "inbox/analytics/example-tiktok-Content.csv",
            "outbox/videos", "templates/scripts/fr/generic.yaml", "templates/music/calm.mp3",
        ] {
            #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent(path).path), "\(path)")
        }
        let stignore = try String(contentsOf: project.appendingPathComponent(".stignore"), encoding: .utf8)
        #expect(stignore.split(separator: "\n").contains(".reelsmith"))
        #expect(
            stignore.split(separator: "\n").contains("/reelsmith.yaml"), "where keys are sent stays on this machine")
        let checks = await Doctor(workspace: Workspace(root: project)).run()
        let failing = checks.filter { !$0.isOK }.map(\.detail)
        #expect(failing.isEmpty, "\(failing)")
        #expect(
            try ProjectInitializer(source: TestSupport.packageRoot).create(at: project).isEmpty,
            "a second run adds nothing")
    }

    @Test func anExistingStignoreIsCompletedNotReplaced() throws {
        let project = temporaryProject()
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        try Data("(?d).DS_Store\n.reelsmith\n".utf8).write(to: project.appendingPathComponent(".stignore"))
        try ProjectInitializer(source: TestSupport.packageRoot).create(at: project)
        let lines = try String(contentsOf: project.appendingPathComponent(".stignore"), encoding: .utf8).split(
            separator: "\n")
        #expect(lines.first == "(?d).DS_Store")
        #expect(lines.filter { $0 == ".reelsmith" }.count == 1)
        #expect(lines.contains(".partial-*"))
    }
}
