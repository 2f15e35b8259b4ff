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

/// TikTok Studio's export folder arriving in `inbox/analytics/` file by file, as Syncthing
/// delivers it (issue 11): each file is recognised by its header and archived, none fails.
@Suite(.serialized) struct ExportFolderDaemonTests {
    static let folder = TestSupport.fixture("analytics/tiktok-export-2026-03-25")

    @Test func anExportFolderIsArchivedFileByFileAndADuplicateCSVIsNotAFailure() throws {
        let daemon = try DaemonProcess()
        try daemon.start()
        let names = try #require(InputFolder.files(in: Self.folder))
        for name in names {
            let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
            try daemon.drop(text, as: "analytics/TikTok export 2026-03-25/\(name)")
        }
        let journal = try daemon.waitForOutcomes(7)
        #expect(journal.allSatisfy { $0.state == .done }, "\(journal.map { "\($0.source): \($0.message ?? "")" })")
        let byFile = Dictionary(
            uniqueKeysWithValues: journal.map { (($0.source as NSString).lastPathComponent, $0.message ?? "") })
        #expect(byFile["FollowerActivity.csv"]?.contains("47 hours of follower activity (47 new)") == true)
        #expect(byFile["Content.csv"]?.contains("3 rows recorded (3 new snapshots)") == true)
        let archive = daemon.workspace.outbox.appendingPathComponent("archive/analytics/TikTok export 2026-03-25")
        #expect(TestSupport.contents(of: archive) == names)
        #expect(TestSupport.contents(of: daemon.workspace.outbox.appendingPathComponent("failed")).isEmpty)

        // The next export repeats an unchanged file: already counted, archived with a note that
        // works for a CSV (no `force: true`, which only YAML has).
        let gender = try String(contentsOf: Self.folder.appendingPathComponent("FollowerGender.csv"), encoding: .utf8)
        try daemon.drop(gender, as: "analytics/TikTok export 2026-04-01/FollowerGender.csv")
        let after = try daemon.waitForOutcomes(8)
        #expect(after.last?.state == .duplicate)
        let note = try String(
            contentsOf: daemon.workspace.outbox.appendingPathComponent(
                "archive/analytics/TikTok export 2026-04-01/FollowerGender.csv.note.txt"),
            encoding: .utf8)
        #expect(
            note.contains("already counted") && note.contains("nothing needs doing") && !note.contains("force: true"))
        #expect(TestSupport.contents(of: daemon.workspace.outbox.appendingPathComponent("failed")).isEmpty)
    }
}
