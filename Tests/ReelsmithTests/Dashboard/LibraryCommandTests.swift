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

/// `reelsmith library`, and every report table fitting an 80-column terminal.
@Suite struct LibraryCommandTests {
    static func reelsmith(_ arguments: [String], _ project: DashboardFixtures.Project) throws -> String {
        let root = project.workspace.inbox.deletingLastPathComponent().path
        let result = try TestSupport.run(
            TestSupport.executable.path, arguments + ["--root", root, "--templates", TestSupport.templates.path])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result.stdout
    }

    static func expectFits80Columns(_ output: String, _ command: String) {
        let wide = output.split(separator: "\n").filter { $0.count > 80 }
        #expect(wide.isEmpty, "`\(command)` prints lines over 80 columns: \(wide)")
    }

    @Test func theLibraryListsEveryVideoNewestFirstInEightyColumns() throws {
        let project = try DashboardFixtures.project()
        let output = try Self.reelsmith(["library"], project)
        Self.expectFits80Columns(output, "library")
        let lines = output.split(separator: "\n")
        #expect(lines.count == 2 + 61 + 1)
        let newest = try #require(lines.first { $0.contains("Video number") })
        #expect(newest.contains("Video number 59") && newest.contains("60000") && newest.contains("posted"))
        #expect(lines.contains { $0.contains("My cat learned") && $0.contains("external") && $0.contains("5000") })
        #expect(lines.last == "61 videos")

        let cooking = try Self.reelsmith(["library", "--niche", "cooking"], project)
        #expect(cooking.split(separator: "\n").dropFirst(2).dropLast().allSatisfy { $0.contains(" cooking ") })
        #expect(cooking.hasSuffix("20 videos\n"))
        #expect(
            try Self.reelsmith(["library", "--niche", "knitting"], project).contains(
                "No videos in the niche `knitting`"))
    }

    @Test func theLibraryAsJSONNamesTheCriteria() throws {
        let project = try DashboardFixtures.project()
        let output = try Self.reelsmith(["library", "--json"], project)
        let videos = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
        #expect(videos.count == 61)
        let video = try #require(videos.first { $0["id"] as? String == DashboardFixtures.id(7) })
        #expect(
            video["views"] as? Int == 8_000 && video["engagement"] as? Int == 810
                && video["status"] as? String == "posted")
        #expect(
            (video["criteria"] as? [String: Int]) == [
                "hook": 20, "structure": 18, "timing": 15, "emotional_triggers": 12, "seo_hashtags": 7,
            ])
        #expect(
            videos.first { $0["id"] as? String == DashboardFixtures.id(0) }?["title"] as? String
                == DashboardFixtures.hostileTitle)
    }

    @Test func statusNichesAndInsightsFitEightyColumnsWithLongNames() throws {
        let project = try DashboardFixtures.project()
        _ = try project.index.ingest(
            trends: [
                .init(
                    title: "Budget meals", url: nil, views: 90_000, engagement: 9_000,
                    niche: "home cooking on a tight budget for students and families", date: DashboardFixtures.today)
            ], sourceFile: "t.yaml", today: DashboardFixtures.today)
        try project.index.record(
            usage: ProviderUsage(
                stage: .script, provider: "my-self-hosted-openai-compatible-server",
                model: "meta-llama-3.1-70b-instruct-q4_k_m-with-a-very-long-name", requests: 12, promptTokens: 123_456,
                completionTokens: 65_432, seconds: 321.5),
            jobId: DashboardFixtures.id(3))
        for command in [
            ["niches"], ["niches", "--language", "fr"], ["insights"], ["insights", "--language", "fr"], ["status"],
        ] {
            let output = try Self.reelsmith(command, project)
            #expect(!output.isEmpty)
            Self.expectFits80Columns(output, command.joined(separator: " "))
        }
        #expect(
            try Self.reelsmith(["niches"], project).contains("home cooking on a"), "a long niche is cut, not dropped")
    }
}
