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

/// `reelsmith check` (issue 13), run as the real binary beside `reelsmith process`.
@Suite struct CheckCommandTests {
    /// A project with the checkout's templates, and `files` from the fixtures copied into its inbox.
    private func project(_ files: [(folder: String, fixture: String)]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reelsmith-check-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (folder, fixture) in files {
            let target = root.appendingPathComponent("inbox/\(folder)")
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: TestSupport.fixture("\(folder)/\(fixture)"), to: target.appendingPathComponent(fixture))
        }
        return root
    }

    private func reelsmith(_ arguments: [String], root: URL) throws -> (stdout: String, stderr: String, status: Int32) {
        try TestSupport.run(
            TestSupport.executable.path, arguments + ["--root", root.path, "--templates", TestSupport.templates.path])
    }

    static let badFixtures: [(folder: String, fixture: String)] = [
        ("requests", "bad-language.yaml"), ("requests", "long-topic.yaml"), ("requests", "missing-niche.yaml"),
        ("requests", "out-of-range.yaml"), ("requests", "syntax-error.yaml"), ("requests", "unknown-key.yaml"),
        ("requests", "unknown-music.yaml"), ("requests", "unknown-voice.yaml"), ("requests", "wrong-type.yaml"),
        ("requests", "empty.yaml"), ("requests", "not-utf8.yaml"), ("requests", "hostile.yaml"),
        ("trends", "bad-date.yaml"), ("trends", "engagement-twice.yaml"), ("trends", "missing-engagement.yaml"),
        ("trends", "unknown-key.yaml"),
    ]

    @Test func checkPrintsTheMessageAndPositionProcessPrints() throws {
        let root = try project(Self.badFixtures)
        for (folder, fixture) in Self.badFixtures where fixture != "hostile.yaml" {
            let path = root.appendingPathComponent("inbox/\(folder)/\(fixture)").path
            let check = try reelsmith(["check", path], root: root)
            let process = try reelsmith(["process", path], root: root)
            #expect(
                check.status == 1 && process.status == 1, "\(fixture): check \(check.status), process \(process.status)"
            )
            let processed = process.stderr.split(separator: "\n").filter { $0.hasPrefix("error: ") }
            #expect(!processed.isEmpty, "\(fixture): \(process.stderr)")
            #expect(check.stderr.split(separator: "\n").filter { $0.hasPrefix("error: ") } == processed, "\(fixture)")
            #expect(processed.first?.hasPrefix("error: \(path)") == true)
        }
        // Nothing ran: no video, no learning from the check.
        #expect(
            (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("outbox/videos").path))?
                .isEmpty ?? true)
    }

    @Test func analyticsRowsAreCheckedAgainstTheLearningIndexAsProcessWouldAndNothingIsStored() throws {
        let files: [(folder: String, fixture: String)] = [
            ("analytics", "bad-rows.yaml"), ("analytics", "ours-any-order.csv"), ("analytics", "unknown-column.csv"),
            ("analytics", "unclosed-quote.csv"),
        ]
        let root = try project(files)
        func indexFiles() -> [String] {
            (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []).filter {
                $0.hasSuffix("learning.sqlite")
            }
        }
        for (folder, fixture) in files {
            let path = root.appendingPathComponent("inbox/\(folder)/\(fixture)").path
            let check = try reelsmith(["check", path], root: root)
            #expect(indexFiles().isEmpty, "\(fixture): check made a learning index")
            let process = try reelsmith(["process", path], root: root)
            #expect(
                check.status == 1 && process.status == 1, "\(fixture): check \(check.status), process \(process.status)"
            )
            let checked = check.stderr.split(separator: "\n").filter { $0.hasPrefix("error: ") }
            let processed = process.stderr.split(separator: "\n").filter { $0.hasPrefix("error: ") }
            #expect(checked.first == processed.first, "\(fixture)")
            // Every row process lists, check names at its own line.
            for row in process.stderr.split(separator: "\n") where row.hasPrefix("- ") {
                #expect(checked.contains("error: " + row.dropFirst(2)), "\(fixture): \(row)")
            }
            try? FileManager.default.removeItem(at: root.appendingPathComponent(".reelsmith"))
        }
        let rows = try reelsmith(
            ["check", root.appendingPathComponent("inbox/analytics/bad-rows.yaml").path], root: root)
        #expect(rows.stderr.contains("row 1: no video `aaaaaaaaaaa1` in the learning index"))
    }

    @Test func jsonGivesLanguageServerDiagnostics() throws {
        let root = try project([
            ("requests", "out-of-range.yaml"), ("requests", "hostile.yaml"), ("requests", "unknown-key.yaml"),
        ])
        let paths = ["out-of-range.yaml", "hostile.yaml", "unknown-key.yaml"].map {
            root.appendingPathComponent("inbox/requests/\($0)").path
        }
        let result = try reelsmith(["check", "--json"] + paths, root: root)
        #expect(result.status == 1, "an error in one file fails the check")
        let reports = try JSONDecoder().decode([JSONValue].self, from: Data(result.stdout.utf8))
        #expect(reports.count == 3)
        // out-of-range.yaml: `images: 40` on line 2, the value at column 9.
        let diagnostic = try #require(
            reports.first?["diagnostics"].flatMap { if case .array(let list) = $0 { list.first } else { nil } })
        #expect(diagnostic["range"]?["start"] == ["line": 1, "character": 8])
        #expect(diagnostic["range"]?["end"] == ["line": 1, "character": 10])
        #expect(
            diagnostic["severity"] == 1 && diagnostic["source"] == "reelsmith" && diagnostic["code"] == "out-of-range")
        #expect(diagnostic["message"]?.stringValue?.hasPrefix("`images` is 40, outside 1…12 — ") == true)
        #expect(reports[0]["uri"]?.stringValue == URL(fileURLWithPath: paths[0]).absoluteString)
        #expect(reports[1]["diagnostics"] == [], "hostile.yaml is a valid request")
        let unknown = try #require(
            reports[2]["diagnostics"].flatMap { if case .array(let list) = $0 { list.first } else { nil } })
        #expect(unknown["range"]?["start"] == ["line": 2, "character": 0] && unknown["code"] == "unknown-key")
        #expect(unknown["message"]?.stringValue?.contains("did you mean `niche`?") == true)
    }

    @Test func aGoodFileAndGoodSettingsPass() throws {
        let root = try project([])
        try Data("render:\n  crf: 23\nlanguage: fr\n".utf8).write(to: root.appendingPathComponent("reelsmith.yaml"))
        let example = TestSupport.packageRoot.appendingPathComponent("inbox/requests/example-fr.yaml").path
        let good = try reelsmith(["check", example, root.appendingPathComponent("reelsmith.yaml").path], root: root)
        #expect(good.status == 0, "\(good.stderr)")
        #expect(
            good.stdout.contains("example-fr.yaml: ok (request)") && good.stdout.contains("reelsmith.yaml: ok (config)")
        )
        try Data("render:\n  crf: 99\n".utf8).write(to: root.appendingPathComponent("reelsmith.yaml"))
        let bad = try reelsmith(["check", "--json", root.appendingPathComponent("reelsmith.yaml").path], root: root)
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("\"line\" : 1") && bad.stdout.contains("`crf` is 99, outside 0…51"))
    }

    @Test func initWritesTheSchemasAndTheEditorSettings() throws {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reelsmith-init-\(UUID().uuidString.prefix(8))")
        let created = try ProjectInitializer(source: TestSupport.packageRoot).create(at: project)
        for schema in InputSchema.allCases {
            #expect(created.contains(".reelsmith/schema/\(schema.fileName)"))
        }
        #expect(created.contains(".vscode/settings.json"))
        let settings = try JSONDecoder().decode(
            JSONValue.self, from: Data(contentsOf: project.appendingPathComponent(".vscode/settings.json")))
        #expect(
            settings["yaml.schemas"]?["./.reelsmith/schema/request.schema.json"] == [
                "inbox/requests/*.yaml", "inbox/requests/*.yml",
            ])
        #expect(settings["yaml.schemas"]?["./.reelsmith/schema/config.schema.json"] == ["reelsmith.yaml"])
        // The examples' schema line points at a schema that is there, from the example's own folder.
        for example in ["inbox/requests/example-en.yaml", "inbox/trends/example-trends.yaml"] {
            let file = project.appendingPathComponent(example)
            let first =
                try String(contentsOf: file, encoding: .utf8).split(separator: "\n").first.map(String.init) ?? ""
            let relative = try #require(first.components(separatedBy: "$schema=").last)
            let target = file.deletingLastPathComponent().appendingPathComponent(relative).standardizedFileURL
            #expect(FileManager.default.fileExists(atPath: target.path), "\(example) → \(relative)")
        }
        // The project's niches are suggested.
        let request = try String(
            contentsOf: project.appendingPathComponent(".reelsmith/schema/request.schema.json"), encoding: .utf8)
        #expect(request.contains("\"finance\""))
        #expect(EditorSetup.settingsNote(in: project) == nil)
        #expect(
            try ProjectInitializer(source: TestSupport.packageRoot).create(at: project).isEmpty,
            "a second init adds nothing")
    }

    @Test func initCompletesTheUsersOwnEditorSettingsAndKeepsTheirs() throws {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reelsmith-init-\(UUID().uuidString.prefix(8))")
        let file = project.appendingPathComponent(".vscode/settings.json")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Plain JSON: the mapping is added, their key kept, and the file is still JSON.
        try Data("{\"editor.tabSize\": 2}\n".utf8).write(to: file)
        #expect(
            try ProjectInitializer(source: TestSupport.packageRoot).create(at: project).contains(
                ".vscode/settings.json"))
        let settings = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: file))
        #expect(settings["editor.tabSize"] == 2)
        #expect(
            settings["yaml.schemas"]?["./.reelsmith/schema/trends.schema.json"] == [
                "inbox/trends/*.yaml", "inbox/trends/*.yml",
            ])
        #expect(EditorSetup.settingsNote(in: project) == nil)

        // VS Code's JSON with comments: the comments and the user's text stay as they were.
        let commented = "// my settings\n{\n  /* tabs */ \"editor.tabSize\": 4, // four\n}\n"
        try Data(commented.utf8).write(to: file)
        _ = try ProjectInitializer(source: TestSupport.packageRoot).create(at: project)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.hasPrefix("// my settings\n{\n  \"yaml.schemas\": {"))
        #expect(text.hasSuffix("/* tabs */ \"editor.tabSize\": 4, // four\n}\n"))
        #expect(text.contains("\"./.reelsmith/schema/request.schema.json\""))

        // Their own yaml.schemas: left alone, and the note says what to merge.
        let own = "{\"yaml.schemas\": {\"kubernetes\": \"*.k8s.yaml\"}}\n"
        try Data(own.utf8).write(to: file)
        _ = try ProjectInitializer(source: TestSupport.packageRoot).create(at: project)
        #expect(try String(contentsOf: file, encoding: .utf8) == own)
        let note = try #require(EditorSetup.settingsNote(in: project))
        #expect(note.contains(".vscode/settings.json") && note.contains("./.reelsmith/schema/analytics.schema.json"))
    }
}
