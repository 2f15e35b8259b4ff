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

    /// An installed binary copies from `/usr/share/reelsmith`, owned by root and read-only to the
    /// creator: the copies are the creator's own files, writable, and nothing of the source's
    /// owner or mode comes along (`FileManager.copyItem` failed there with EPERM for a non-root user).
    @Test func initFromReadOnlyInstalledDataGivesTheCreatorWritableCopies() throws {
        let files = FileManager.default
        let installed = temporaryProject().appendingPathComponent("usr")
        let data = installed.appendingPathComponent("share/reelsmith")
        try files.createDirectory(at: installed.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try files.createDirectory(at: data.appendingPathComponent("inbox"), withIntermediateDirectories: true)
        try ProjectInitializer.copyTree(
            TestSupport.packageRoot.appendingPathComponent("templates"), to: data.appendingPathComponent("templates"))
        for kind in InputKind.allCases {
            try ProjectInitializer.copyTree(
                TestSupport.packageRoot.appendingPathComponent("inbox/\(kind.folder)"),
                to: data.appendingPathComponent("inbox/\(kind.folder)"))
        }
        let script = data.appendingPathComponent("templates/scripts/en/generic.yaml")
        try files.setAttributes([.posixPermissions: 0o444], ofItemAtPath: script.path)
        try files.setAttributes([.posixPermissions: 0o555], ofItemAtPath: data.appendingPathComponent("templates").path)
        defer {
            try? files.setAttributes(
                [.posixPermissions: 0o755], ofItemAtPath: data.appendingPathComponent("templates").path)
        }

        let executable = installed.appendingPathComponent("bin/reelsmith")
        #expect(
            ProjectInitializer.installedData(containing: executable)?.standardizedFileURL.path
                == data.standardizedFileURL.path)
        #expect(ProjectInitializer.checkout(containing: executable) == nil, "no checkout around /usr/bin")

        let project = temporaryProject()
        try ProjectInitializer(source: data).create(at: project)
        let copy = project.appendingPathComponent("templates/scripts/en/generic.yaml")
        let mode = try files.attributesOfItem(atPath: copy.path)[.posixPermissions] as? Int
        #expect(mode == 0o644, "the creator's copy is writable: \(String(mode ?? 0, radix: 8))")
        let folderMode =
            try files.attributesOfItem(atPath: project.appendingPathComponent("templates").path)[.posixPermissions]
            as? Int
        #expect(folderMode == 0o755)
        #expect(try Data(contentsOf: copy) == Data(contentsOf: script))
        #expect(files.fileExists(atPath: project.appendingPathComponent("inbox/requests/example-en.yaml").path))
    }
}
