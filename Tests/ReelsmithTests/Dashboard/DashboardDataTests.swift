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

@Suite struct DashboardDataTests {
    @Test func theFixtureIndexGivesTheExpectedNumbers() throws {
        let project = try DashboardFixtures.project()
        let data = try DashboardData.read(from: project.index, asOf: DashboardFixtures.today)
        #expect(data.videos.count == DashboardFixtures.videoCount + 1, "and the external one")
        #expect(data.publishedJobs == 60 && data.failedJobs == 1)
        #expect(abs((data.successRate ?? 0) - 60.0 / 61.0) < 1e-9)
        #expect(data.language == .fr, "45 of the 60 requests were in French")
        // Re-used stages (voice here) are not counted.
        #expect(data.stageMeans.map(\.stage) == [.script, .render])
        #expect(abs(data.stageMeans[1].seconds - 11) < 1e-9 && data.stageMeans[1].runs == 60)
        // Two snapshots: the totals known on each day, not their sum.
        let total = (0..<60).map(DashboardFixtures.views).reduce(0, +)
        #expect(data.performance.map(\.views) == [total / 2, total, total + DashboardFixtures.externalViews])
        #expect(
            data.performance.map(\.day)
                == [
                    DashboardFixtures.today.adding(days: -3), DashboardFixtures.today.adding(days: -1),
                    DashboardFixtures.today,
                ])
        let video = try #require(data.videos.first { $0.id == DashboardFixtures.id(7) })
        #expect(video.views == 8_000 && video.engagement == 810 && video.status == .posted)
        #expect(video.criteria == [20, 18, 15, 12, 7] && video.score == 47)
        #expect(
            video.folder?.hasPrefix(video.day + "-") == true && video.folder?.hasSuffix("-f0000000") == true,
            "named as a job names it")
        #expect(
            data.topTrends["fitness"]?.map(\.title) == [
                "Squat challenge", DashboardFixtures.hostileTrend, "Plank a day",
            ])
        #expect(data.videos.first { $0.status != .external }?.id == DashboardFixtures.id(59), "newest first")
        let external = try #require(data.videos.first { $0.status == .external })
        #expect(external.score == nil && external.criteria == nil && external.folder == nil)
        #expect(external.views == DashboardFixtures.externalViews && external.title.contains("skateboard"))
        let made = Dictionary(uniqueKeysWithValues: data.days.map { ($0.day.description, $0.made) })
        #expect(
            made["2026-11-20"] == 12 && made["2026-11-21"] == 24 && made["2026-11-22"] == 24 && made["2026-11-23"] == 0)
        #expect(data.days.last?.day == DashboardFixtures.today && data.days.count == 30)
    }

    @Test func theSettingWinsOverTheCommonLanguage() throws {
        let project = try DashboardFixtures.project()
        #expect(try DashboardData.read(from: project.index, language: .en).language == .en)
    }

    @Test func anEmptyIndexIsEmptyAndSpeaksEnglish() throws {
        let data = try DashboardData.read(from: try LearningFixtures.index())
        #expect(data.isEmpty && data.language == .en && data.successRate == nil && data.performance.isEmpty)
        #expect(data.days.count == DashboardData.overviewDays && data.days.allSatisfy { $0.made == 0 })
    }

    @Test func theLanguageSettingIsReadAndAMistakeNamed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reelsmith-language-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("reelsmith.yaml")
        try Data("language: fr\n".utf8).write(to: file)
        #expect(try Configuration.load(file: file, environment: [:]).language == .fr)
        try Data("language: fre\n".utf8).write(to: file)
        #expect {
            _ = try Configuration.load(file: file, environment: [:])
        } throws: { error in
            let text = "\(error)"
            return text.contains("reelsmith.yaml:1") && text.contains("`fre`") && text.contains("did you mean `fr`")
        }
        try Data("render:\n  crf: 20\n".utf8).write(to: file)
        #expect(try Configuration.load(file: file, environment: [:]).language == nil)
    }

    @Test func thePageIsSmallAndEscapesEveryTitle() throws {
        let project = try DashboardFixtures.project()
        let html = try String(contentsOf: project.page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
        #expect(!html.contains(DashboardFixtures.hostileTitle) && !html.contains(DashboardFixtures.hostileTrend))
        #expect(html.contains("&lt;/script&gt;&lt;script&gt;alert(3)&lt;/script&gt;"), "the trend, in the markup")
        #expect(html.contains(#"\u003cscript\u003ealert(1)\u003c/script\u003e"#), "the oldest video, in the JSON block")
        #expect(!html.contains("<img src=x"))
        // Two script elements: the JSON block and the page's own script.
        #expect(html.components(separatedBy: "<script").count - 1 == 2)
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http"), "nothing to fetch")
        #expect(html.contains("<html lang=\"fr\">"))
    }
}
