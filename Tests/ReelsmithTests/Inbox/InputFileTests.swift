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

/// Issue 12, holes 2 and 7: only regular files are read, never through a link, the size checked
/// on the open descriptor; what a file is when it is not text is said in words.
@Suite struct InputFileTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reelsmith-inputfile-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    private func refusal(_ url: URL, limit: Int = InputFile.maximumBytes) -> InputError? {
        do {
            _ = try InputFile.read(url, displayName: url.lastPathComponent, maximumBytes: limit)
            return nil
        } catch {
            return error
        }
    }

    @Test func aLinkToAnOutsideFileIsRefusedAndItsContentNeverQuoted() throws {
        let secret = folder.appendingPathComponent("secret.txt")
        try Data("API_KEY=sk-canary-123\n".utf8).write(to: secret)
        let link = folder.appendingPathComponent("link.yaml")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: secret)
        let error = try #require(refusal(link))
        #expect(error.reason == .notAFile)
        #expect(error.description.contains("a link (symlink), not a file") && !error.description.contains("canary"))
    }

    @Test func linksToEnvironDevicesFoldersAndLoopsArePipesAreRefusedWithoutBlocking() throws {
        let targets = ["/proc/self/environ", "/dev/zero", "/dev/null", folder.path]
        for (offset, target) in targets.enumerated() {
            let link = folder.appendingPathComponent("link-\(offset).yaml")
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: target)
            #expect(refusal(link)?.reason == .notAFile, "\(target)")
        }
        let loop = folder.appendingPathComponent("loop.yaml")
        try FileManager.default.createSymbolicLink(atPath: loop.path, withDestinationPath: loop.path)
        #expect(refusal(loop)?.reason == .notAFile)
        let fifo = folder.appendingPathComponent("fifo.yaml")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        let error = try #require(refusal(fifo))
        #expect(error.reason == .notAFile && error.problem.contains("named pipe"))
        #expect(refusal(folder)?.problem.contains("a folder") == true)
    }

    @Test func theSizeLimitIsCheckedOnTheDescriptor() throws {
        let file = folder.appendingPathComponent("big.csv")
        try Data(repeating: 0x61, count: 2048).write(to: file)
        #expect(refusal(file, limit: 1024)?.reason == .tooLarge)
        #expect(try InputFile.read(file, displayName: "big.csv", maximumBytes: 4096).count == 2048)
    }

    @Test func reelsmithProcessAppliesTheSameRules() async throws {
        let workspace = try TestSupport.makeWorkspace()
        let processor = InboxProcessor(
            generation: GenerationPipeline(workspace: workspace, index: try LearningIndex(url: workspace.indexFile)))
        let link = workspace.inbox.appendingPathComponent("requests/env.yaml")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/proc/self/environ")
        await #expect(throws: InputError.self) { _ = try await processor.process(file: link) }
        let huge = workspace.inbox.appendingPathComponent("requests/huge.yaml")
        _ = FileManager.default.createFile(atPath: huge.path, contents: nil)
        try FileHandle(forWritingTo: huge).truncate(atOffset: UInt64(InputFile.maximumBytes + 1))
        do {
            _ = try await processor.process(file: huge)
            Issue.record("a 64 MB + 1 byte file was read")
        } catch let error as InputError {
            #expect(error.reason == .tooLarge && error.description.contains("64 MB"))
        }
    }

    @Test(arguments: [
        (Data(), "the file is empty"),
        (Data("\u{FEFF} \n".utf8), "the file is empty"),
        (Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]), "Excel workbook (.xlsx)"),
        (Data([0xFF, 0xFE, 0x6E, 0x00, 0x69, 0x00]), "UTF-16"),
        (Data("niche: fitness\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }), "UTF-16"),
        (Data("niche: fit\u{0}ness\n".utf8), "NUL byte"),
        (Data([0x6E, 0x3A, 0x20, 0xE9, 0x0A]), "not valid UTF-8"),
    ])
    func whatAFileIsIsNamed(data: Data, expected: String) throws {
        for decode in [
            { try YAMLDocument.parse(data: data, displayName: "a.yaml") } as () throws -> Any,
            { try CSVTable.parse(data: data, file: "a.csv") },
        ] {
            #expect(throws: InputError.self) { _ = try decode() }
            do { _ = try decode() } catch let error as InputError {
                #expect(error.problem.contains(expected), "\(error)")
            }
        }
    }
}
