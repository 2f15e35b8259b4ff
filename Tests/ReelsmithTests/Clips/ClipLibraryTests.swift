import Foundation
import GRDB
import Testing

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

/// The creator's clip library (issue 9): what is indexed in the learning index, when a file is
/// indexed again, and which files are skipped with a warning that names them.
@Suite struct ClipLibraryTests {
    private func library(_ workspace: Workspace) throws -> ClipLibrary {
        ClipLibrary(
            assets: workspace.templates.appendingPathComponent("assets"),
            index: try LearningIndex(url: workspace.indexFile),
            ffprobe: "ffprobe")
    }

    @Test func keywordsComeFromTheFileNameItsSidecarAndClipsYamlAndTheRowIsInTheIndex() async throws {
        let workspace = try ClipFixtures.workspaceWithOwnTemplates()
        let folder = ClipFixtures.assets(workspace, "fitness")
        try ClipFixtures.movingClip(
            .red, width: 1920, height: 1080, seconds: 1, at: folder.appendingPathComponent("goldenHour-beach_02.mp4"))
        _ = try TestSupport.write("Ocean waves, at dawn.", to: folder, name: "goldenHour-beach_02.txt")
        _ = try TestSupport.write("goldenHour-beach_02.mp4: [sunset, Surf]\n", to: folder, name: "clips.yaml")

        let scan = try await library(workspace).scan(folders: ["fitness", "_all"])
        #expect(scan.warnings.isEmpty)
        let clip = try #require(scan.clips.first)
        #expect(
            clip.keywordSet == ["golden", "hour", "beach", "ocean", "waves", "at", "dawn", "sunset", "surf", "fitness"])
        #expect(clip.width == 1920 && clip.height == 1080 && clip.orientation == .landscape)
        #expect(abs((clip.durationSeconds ?? 0) - 1) < 0.1)

        // The row lives in the learning index's own table.
        let queue = try DatabaseQueue(path: workspace.indexFile.path)
        let rows = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT path, orientation, keywords FROM clip_library")
        }
        #expect(rows.count == 1)
        #expect((rows.first?["orientation"] as String?) == "landscape")
        #expect((rows.first?["keywords"] as String?)?.contains("sunset") == true)
    }

    @Test func aChangedSidecarIsIndexedAgainAndAnUnchangedClipIsNotProbedAgain() async throws {
        let workspace = try ClipFixtures.workspaceWithOwnTemplates()
        let folder = ClipFixtures.assets(workspace, "_all")
        try ClipFixtures.movingClip(
            .green, width: 1080, height: 1920, seconds: 1, at: folder.appendingPathComponent("city.mp4"))
        try ClipFixtures.movingClip(
            .blue, width: 1080, height: 1080, seconds: 1, at: folder.appendingPathComponent("forest.mp4"))
        let library = try library(workspace)
        let first = try await library.scan(folders: ["_all"])
        #expect(first.clips.map(\.fileName) == ["city.mp4", "forest.mp4"])
        #expect(first.clips.last?.orientation == .square)
        let firstRows = try library.index.libraryClips(inFolders: ["_all"])

        _ = try TestSupport.write("night lights traffic", to: folder, name: "city.txt")
        let second = try await library.scan(folders: ["_all"])
        let city = try #require(second.clips.first { $0.fileName == "city.mp4" })
        let forest = try #require(second.clips.first { $0.fileName == "forest.mp4" })
        #expect(city.keywordSet.isSuperset(of: ["night", "lights", "traffic", "city"]))
        #expect(city.indexedAt > firstRows[0].indexedAt)
        // Not touched: the same row, indexed once.
        #expect(forest == firstRows[1])

        // A file removed from the folder leaves the index.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("forest.mp4"))
        let third = try await library.scan(folders: ["_all"])
        #expect(third.clips.map(\.fileName) == ["city.mp4"])
        #expect(try library.index.libraryClips(inFolders: ["_all"]).count == 1)
    }

    @Test func unreadableEmptyAudioOnlyAndLinkedFilesAreSkippedWithAWarningNamingEach() async throws {
        let workspace = try ClipFixtures.workspaceWithOwnTemplates()
        let folder = ClipFixtures.assets(workspace, "fitness")
        try ClipFixtures.movingClip(
            .red, width: 1080, height: 1920, seconds: 1, at: folder.appendingPathComponent("good.mp4"))
        _ = try TestSupport.write("", to: folder, name: "empty.mp4")
        _ = try TestSupport.write("this is not a video at all", to: folder, name: "garbage.mov")
        // A playlist named .mp4: probed as what it claims to be (mov), never followed.
        _ = try TestSupport.write(
            "#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1.0,\nfile:///etc/passwd\n#EXT-X-ENDLIST\n", to: folder,
            name: "playlist.mp4")
        let audioOnly = try TestSupport.run(
            "ffmpeg",
            [
                "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "sine=duration=1", "-c:a", "aac",
                folder.appendingPathComponent("voice-memo.mp4").path,
            ])
        #expect(audioOnly.status == 0)
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("linked.mp4"),
            withDestinationURL: folder.appendingPathComponent("good.mp4"))

        let scan = try await library(workspace).scan(folders: ["fitness"])
        #expect(scan.clips.map(\.fileName) == ["good.mp4"])
        let warnings = scan.warnings.joined(separator: "\n")
        for name in ["empty.mp4", "garbage.mov", "playlist.mp4", "voice-memo.mp4", "linked.mp4"] {
            #expect(
                scan.warnings.contains { $0.contains(folder.appendingPathComponent(name).path) },
                "no warning for \(name): \(warnings)")
        }
        #expect(warnings.contains("voice-memo.mp4: skipped, it has no video stream"))
        #expect(warnings.contains("linked.mp4: skipped, it is a link"))
        #expect(warnings.contains("empty.mp4: skipped, it has no length"))
        #expect(warnings.contains("playlist.mp4: skipped, ffprobe cannot read it"))
    }
}
