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

/// A real daemon process on temp folders: real inotify, real renames, real SQLite.
@Suite(.serialized) struct InboxDaemonTests {
    @Test func syncthingArrivalIsProcessedOnce() throws {
        let daemon = try DaemonProcess()
        try daemon.start()
        let temp = daemon.inbox.appendingPathComponent("trends/.syncthing.t1.yaml.tmp")
        try Data(DaemonProcess.trends("synced").utf8).write(to: temp)
        Thread.sleep(forTimeInterval: 0.5)
        try FileManager.default.moveItem(at: temp, to: daemon.inbox.appendingPathComponent("trends/t1.yaml"))
        let journal = try daemon.waitForOutcomes(1)
        Thread.sleep(forTimeInterval: 0.8)
        #expect(try daemon.journal().count == 1)
        #expect(journal[0].source == "trends/t1.yaml" && journal[0].state == .done && journal[0].kind == "trends")
        #expect(
            TestSupport.contents(of: daemon.workspace.outbox.appendingPathComponent("archive/trends")) == ["t1.yaml"])
        #expect(TestSupport.contents(of: daemon.inbox.appendingPathComponent("trends")).isEmpty)
    }

    @Test func editorSavesGiveOneJobEachAndNeverAPartialFile() throws {
        let daemon = try DaemonProcess()
        try daemon.start()
        let trends = daemon.inbox.appendingPathComponent("trends")
        // vim: probe file, old file renamed away, new file written, backup removed.
        try Data("x".utf8).write(to: trends.appendingPathComponent("4913"))
        try FileManager.default.removeItem(at: trends.appendingPathComponent("4913"))
        try Data(DaemonProcess.trends("vim old").utf8).write(to: trends.appendingPathComponent("v.yaml"))
        try FileManager.default.moveItem(
            at: trends.appendingPathComponent("v.yaml"), to: trends.appendingPathComponent("v.yaml~"))
        let vimFinal = DaemonProcess.trends("vim new")
        try Data(vimFinal.utf8).write(to: trends.appendingPathComponent("v.yaml"))
        try FileManager.default.removeItem(at: trends.appendingPathComponent("v.yaml~"))
        // emacs, first save: lock symlink and autosave, then the file, then cleanup.
        try FileManager.default.createSymbolicLink(
            atPath: trends.appendingPathComponent(".#e.yaml").path, withDestinationPath: "user@host.1234")
        try Data("partial".utf8).write(to: trends.appendingPathComponent("#e.yaml#"))
        let emacsFinal = DaemonProcess.trends("emacs")
        try Data(emacsFinal.utf8).write(to: trends.appendingPathComponent("e.yaml"))
        try FileManager.default.removeItem(at: trends.appendingPathComponent(".#e.yaml"))
        try FileManager.default.removeItem(at: trends.appendingPathComponent("#e.yaml#"))
        // nano: truncate, then bytes arriving over ~2 s with pauses longer than the settle time.
        let nanoFinal = DaemonProcess.trends("nano slow writer")
        let nanoURL = trends.appendingPathComponent("n.yaml")
        _ = FileManager.default.createFile(atPath: nanoURL.path, contents: nil)
        let handle = try FileHandle(forWritingTo: nanoURL)
        let bytes = Array(nanoFinal.utf8)
        let chunk = bytes.count / 4 + 1
        for start in stride(from: 0, to: bytes.count, by: chunk) {
            handle.write(Data(bytes[start..<min(bytes.count, start + chunk)]))
            Thread.sleep(forTimeInterval: 0.5)
        }
        try handle.close()

        let journal = try daemon.waitForOutcomes(3, timeout: 30)
        Thread.sleep(forTimeInterval: 0.8)
        let entries = try daemon.journal()
        #expect(entries.count == 3, "\(entries.map(\.source))")
        let byName = Dictionary(uniqueKeysWithValues: entries.map { ($0.source, $0) })
        #expect(byName["trends/v.yaml"]?.contentHash == SHA256.hex(Data(vimFinal.utf8)))
        #expect(byName["trends/e.yaml"]?.contentHash == SHA256.hex(Data(emacsFinal.utf8)))
        #expect(
            byName["trends/n.yaml"]?.contentHash == SHA256.hex(Data(nanoFinal.utf8)), "the slow write was taken whole")
        #expect(journal.allSatisfy { $0.state == .done })
    }

    @Test func ignoredNamesAreNotRunAndABadFileDoesNotStopTheDaemon() throws {
        let daemon = try DaemonProcess()
        try daemon.start()
        let requests = daemon.inbox.appendingPathComponent("requests")
        for name in [
            "a.sync-conflict-20261125-101010-ABCDEF1.yaml", ".syncthing.b.yaml.tmp", "~syncthing~c.yaml.tmp",
            ".#d.yaml",
            ".e.yaml.swp", "f.yaml.part", "4913", "g.yaml~", "#h.yaml#", "i.yaml.tmp",
        ] {
            try Data(DaemonProcess.cheapRequest.utf8).write(to: requests.appendingPathComponent(name))
        }
        try daemon.drop("niche: fitness\nduration: forty\n", as: "requests/bad.yaml")
        Thread.sleep(forTimeInterval: 0.4)
        try daemon.drop(DaemonProcess.trends("after the bad one"), as: "trends/good.yaml")
        let journal = try daemon.waitForOutcomes(2, timeout: 30)
        Thread.sleep(forTimeInterval: 0.8)
        #expect(try daemon.journal().count == 2)
        #expect(journal.first { $0.source == "requests/bad.yaml" }?.state == .failed)
        #expect(journal.first { $0.source == "trends/good.yaml" }?.state == .done)
        let failed = daemon.workspace.outbox.appendingPathComponent("failed")
        let errorText = try String(contentsOf: failed.appendingPathComponent("bad.yaml.error.txt"), encoding: .utf8)
        #expect(errorText.contains("inbox/requests/bad.yaml:2:11:") && errorText.contains("between 15 and 180"))
        #expect(FileManager.default.fileExists(atPath: failed.appendingPathComponent("bad.yaml").path))
        let conflictReport = try String(
            contentsOf: failed.appendingPathComponent("a.sync-conflict-20261125-101010-ABCDEF1.yaml.error.txt"),
            encoding: .utf8)
        #expect(conflictReport.contains("conflict copy") && conflictReport.contains("`a.yaml`"))
        #expect(TestSupport.contents(of: requests).count == 10, "ignored files stay where they are")
        #expect(TestSupport.contents(of: daemon.workspace.videos).isEmpty)
    }

    @Test func folderCreatedWithFilesInsideIsProcessed() throws {
        let daemon = try DaemonProcess()
        try daemon.start()
        let outside = daemon.root.appendingPathComponent("batch")
        try FileManager.default.createDirectory(
            at: outside.appendingPathComponent("nested"), withIntermediateDirectories: true)
        for index in 1...3 {
            try Data(DaemonProcess.trends("batch \(index)").utf8).write(
                to: outside.appendingPathComponent("t\(index).yaml"))
        }
        try Data(DaemonProcess.trends("nested").utf8).write(to: outside.appendingPathComponent("nested/deep.yaml"))
        try FileManager.default.moveItem(at: outside, to: daemon.inbox.appendingPathComponent("trends/batch"))
        let journal = try daemon.waitForOutcomes(4, timeout: 30)
        #expect(
            Set(journal.map(\.source)) == [
                "trends/batch/t1.yaml", "trends/batch/t2.yaml", "trends/batch/t3.yaml", "trends/batch/nested/deep.yaml",
            ])
        #expect(journal.allSatisfy { $0.state == .done && $0.kind == "trends" })
        let archive = daemon.workspace.outbox.appendingPathComponent("archive")
        #expect(
            FileManager.default.fileExists(atPath: archive.appendingPathComponent("trends/batch/nested/deep.yaml").path)
        )
        try daemon.waitUntil(timeout: 10) {
            let niches = try? JSONFiles.read(
                NichesReport.self, from: daemon.workspace.outbox.appendingPathComponent("reports/niches.json"))
            return niches?.niches.first { $0.name == "fitness" }?.trendCount == 4
        }
    }

    @Test func anOversizedFileFailsWithAReasonAndTheDaemonGoesOn() throws {
        let daemon = try DaemonProcess()
        try daemon.start()
        let outside = daemon.root.appendingPathComponent("huge.yaml")
        _ = FileManager.default.createFile(atPath: outside.path, contents: nil)
        let handle = try FileHandle(forWritingTo: outside)
        try handle.truncate(atOffset: UInt64(InboxDaemon.maximumInputBytes + 1))
        try handle.close()
        try FileManager.default.moveItem(at: outside, to: daemon.inbox.appendingPathComponent("requests/huge.yaml"))
        try daemon.drop(DaemonProcess.trends("after the huge one"), as: "trends/next.yaml")
        let journal = try daemon.waitForOutcomes(2)
        #expect(journal.first { $0.source == "requests/huge.yaml" }?.state == .failed)
        #expect(journal.first { $0.source == "trends/next.yaml" }?.state == .done)
        let note = try String(
            contentsOf: daemon.workspace.outbox.appendingPathComponent("failed/huge.yaml.error.txt"), encoding: .utf8)
        #expect(note.contains("64 MB") && note.contains("templates/assets"))
    }

    @Test func analyticsWithABadRowIsAppliedAndTheRowListedBesideTheArchive() throws {
        let daemon = try DaemonProcess()
        try daemon.start()
        try daemon.drop(
            "\u{FEFF}\"Time\";\"Video title\";\"Video link\";\"Post time\";\"Total likes\";\"Total comments\";\"Total shares\";\"Total views\"\r\n"
                + "\"2026-11-24\";\"Morning routine #motivation\";\"https://www.tiktok.com/@a/video/7441000000000000009\";\"17 avril\";\"10\";\"2\";\"1\";\"1500\"\r\n",
            as: "analytics/Content.csv")
        try daemon.drop(
            "video_id,views,likes,shares,comments\ntiktok-7441000000000000009,1600,11,1,2\nnot-a-video,100,1,1,1\n",
            as: "analytics/ours.csv")
        try daemon.drop("video_id,views,likes,shares,comments\nnot-a-video,100,1,1,1\n", as: "analytics/none.csv")
        let journal = try daemon.waitForOutcomes(3)
        let states = Dictionary(uniqueKeysWithValues: journal.map { ($0.source, $0.state) })
        #expect(states == ["analytics/Content.csv": .done, "analytics/ours.csv": .done, "analytics/none.csv": .failed])
        let archive = daemon.workspace.outbox.appendingPathComponent("archive/analytics")
        // The journal records the outcome before the file is placed (exactly-once): wait for the place.
        let expected = ["Content.csv", "ours.csv", "ours.csv.error.txt"]
        try? daemon.waitUntil(timeout: 10) { TestSupport.contents(of: archive) == expected }
        #expect(TestSupport.contents(of: archive) == expected)
        let note = try String(contentsOf: archive.appendingPathComponent("ours.csv.error.txt"), encoding: .utf8)
        #expect(note.contains("row 2") && note.contains("not-a-video"))
        let failure = try String(
            contentsOf: daemon.workspace.outbox.appendingPathComponent("failed/none.csv.error.txt"), encoding: .utf8)
        #expect(failure.contains("its only row could not be used") && failure.contains("not-a-video"))
        #expect(
            FileManager.default.fileExists(
                atPath: daemon.workspace.outbox.appendingPathComponent("reports/insights.json").path))
    }

    @Test func sameContentDroppedAgainIsADuplicateUnlessForced() throws {
        let daemon = try DaemonProcess()
        try daemon.start()
        let text = DaemonProcess.trends("twice")
        try daemon.drop(text, as: "trends/first.yaml")
        _ = try daemon.waitForOutcomes(1)
        try daemon.drop(text, as: "trends/again.yaml")
        _ = try daemon.waitForOutcomes(2)
        try daemon.drop("force: true\n" + text, as: "trends/forced.yaml")
        let journal = try daemon.waitForOutcomes(3)
        #expect(journal.map(\.state) == [.done, .duplicate, .done])
        let note = try String(
            contentsOf: daemon.workspace.outbox.appendingPathComponent("failed/again.yaml.error.txt"), encoding: .utf8)
        #expect(note.contains("already processed") && note.contains("force: true"))
        let status = try TestSupport.run(TestSupport.executable.path, ["status", "--root", daemon.root.path])
        #expect(status.status == 0)
        #expect(status.stdout.contains("queued 0  running 0  done 2  failed 0  duplicates 1"))
    }

    @Test func killDuringRenderThenRestartPublishesExactlyOnce() throws {
        let daemon = try DaemonProcess()
        try daemon.start()
        try daemon.drop("niche: finance\nlanguage: fr\nduration: 15\nimages: 2\n", as: "requests/kill.yaml")
        try daemon.waitForRenderProgress(above: 0.05)
        daemon.kill(SIGKILL)
        #expect(TestSupport.contents(of: daemon.workspace.videos).isEmpty)
        #expect(try daemon.journal().map(\.state) == [.running])

        try daemon.start()
        let journal = try daemon.waitForOutcomes(1, timeout: 90)
        #expect(journal.count == 1 && journal[0].state == .done)
        let videos = TestSupport.contents(of: daemon.workspace.videos)
        #expect(videos.count == 1)
        let report = try JSONFiles.read(
            GenerationReport.self,
            from: daemon.workspace.videos.appendingPathComponent(videos[0]).appendingPathComponent("report.json"))
        let reused = Dictionary(uniqueKeysWithValues: report.stageTimings.map { ($0.stage, $0.reused) })
        #expect(
            reused[.script] == true && reused[.images] == true && reused[.voice] == true && reused[.captions] == true)
        #expect(reused[.render] == false)
        #expect(TestSupport.contents(of: daemon.workspace.state.appendingPathComponent("processing")).isEmpty)
        #expect(TestSupport.contents(of: daemon.workspace.staging).isEmpty)
        #expect(
            TestSupport.contents(of: daemon.workspace.outbox.appendingPathComponent("archive/requests")) == [
                "kill.yaml"
            ])
    }

    @Test func sigtermStopsTheRenderAtACheckpointExitsZeroAndResumes() throws {
        let daemon = try DaemonProcess()
        try daemon.start()
        try daemon.drop("niche: cooking\nlanguage: en\nduration: 15\nimages: 2\n", as: "requests/term.yaml")
        try daemon.waitForRenderProgress(above: 0.05)
        let status = try TestSupport.run(TestSupport.executable.path, ["status", "--root", daemon.root.path])
        #expect(status.stdout.contains("running 1"))
        #expect(
            status.stdout.range(of: #"running inbox/requests/term\.yaml — render \d+%"#, options: .regularExpression)
                != nil, "\(status.stdout)")
        daemon.kill(SIGTERM)
        #expect(daemon.process?.terminationReason == .exit && daemon.process?.terminationStatus == 0)
        #expect(try daemon.journal().map(\.state) == [.running], "the input stays claimed for the next start")
        #expect(TestSupport.contents(of: daemon.workspace.videos).isEmpty)
        #expect(
            try daemon.index().database.read { db in try String.fetchOne(db, sql: "SELECT state FROM jobs") }
                == "queued")

        try daemon.start()
        let journal = try daemon.waitForOutcomes(1, timeout: 90)
        #expect(journal.map(\.state) == [.done])
        #expect(TestSupport.contents(of: daemon.workspace.videos).count == 1)
    }

    @Test func fiveHundredFilesAtOnceEndExactlyOnce() throws {
        let daemon = try DaemonProcess()
        try daemon.start()
        let outside = daemon.root.appendingPathComponent("burst")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        var names: [String] = []
        for index in 1...497 {
            let name = String(format: "trend-%03d.yaml", index)
            try Data(DaemonProcess.trends("burst \(index)").utf8).write(to: outside.appendingPathComponent(name))
            names.append("trends/" + name)
        }
        for index in 1...3 {
            let name = "request-\(index).yaml"
            try Data((DaemonProcess.cheapRequest + "seed: \(index)\n").utf8).write(
                to: outside.appendingPathComponent(name))
            names.append("requests/" + name)
        }
        for name in names {
            let file = (name as NSString).lastPathComponent
            try FileManager.default.moveItem(
                at: outside.appendingPathComponent(file), to: daemon.inbox.appendingPathComponent(name))
        }
        let journal = try daemon.waitForOutcomes(500, timeout: 240)
        Thread.sleep(forTimeInterval: 1)
        let entries = try daemon.journal()
        #expect(entries.count == 500)
        #expect(Set(entries.map(\.source)) == Set(names))
        #expect(journal.allSatisfy { $0.state == .done })
        let archive = daemon.workspace.outbox.appendingPathComponent("archive")
        #expect(TestSupport.contents(of: archive.appendingPathComponent("trends")).count == 497)
        #expect(TestSupport.contents(of: archive.appendingPathComponent("requests")).count == 3)
        #expect(TestSupport.contents(of: daemon.workspace.videos).count == 3)
        #expect(Set(entries.compactMap(\.finalPath)).count == 500)
        #expect(TestSupport.contents(of: daemon.inbox.appendingPathComponent("trends")).isEmpty)
        // The reports, rewritten once the burst is over, count every file.
        let niches = try JSONFiles.read(
            NichesReport.self, from: daemon.workspace.outbox.appendingPathComponent("reports/niches.json"))
        #expect(niches.niches.first { $0.name == "fitness" }?.trendCount == 497)
        let dashboard = try String(
            contentsOf: daemon.workspace.outbox.appendingPathComponent("reports/dashboard.html"), encoding: .utf8)
        #expect(
            dashboard.contains("id=\"count-trends\"><b>497</b>") && dashboard.contains("id=\"count-videos\"><b>3</b>"))
    }
}
