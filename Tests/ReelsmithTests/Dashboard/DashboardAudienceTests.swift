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

/// The dashboard shows what TikTok Studio's export folder gave (issue 11 in issue 10's page): the
/// account's views per day, the best hours to post with their zone, follower growth and the
/// audience shares. In a real headless Chromium.
@Suite(.serialized) struct DashboardAudienceTests {
    @Test func theExportFoldersNumbersAreOnThePage() async throws {
        let workspace = try TestSupport.makeWorkspace()
        let processor = InboxProcessor(
            generation: GenerationPipeline(workspace: workspace, index: try LearningIndex(url: workspace.indexFile)),
            ingestDay: ExportFolderTests.exportDay)
        for name in try #require(InputFolder.files(in: ExportFolderTests.folder)) {
            _ = try await processor.process(
                file: ExportFolderTests.folder.appendingPathComponent(name), displayName: name, folder: "analytics")
        }
        try processor.publishReports()
        let insights = try processor.generation.index.insights()
        let hours = try #require(insights.audience.bestPostingHours)

        let browser = try HeadlessChromium()
        defer { browser.close() }
        try browser.openPage(workspace.outbox.appendingPathComponent("reports/dashboard.html"), width: 390, height: 844)
        #expect(browser.consoleProblems.isEmpty, "\(browser.consoleProblems)")
        func text(_ selector: String) throws -> String? {
            try browser.evaluate("document.querySelector(\"\(selector)\")?.textContent") as? String
        }
        #expect(try text("#best-hours")?.hasSuffix(hours.window) == true)
        #expect(try text("#best-hours")?.contains("UTC") == true, "the time zone is stated")
        let mix = try #require(insights.audience.viewerMix)
        #expect(mix.newViewers == 7_900 && mix.returningViewers == 3_800 && mix.days == 7)
        let mixText = try text("#viewer-mix")
        #expect(mixText?.contains("3,800 returning (32%) over 7 days") == true, "\(String(describing: mixText))")
        #expect(try browser.evaluate("document.querySelectorAll('#chart-viewers table tbody tr').length") as? Int == 7)
        #expect(try browser.evaluate("document.querySelectorAll('#chart-viewers polyline').length") as? Int == 2)
        let growth = try #require(insights.audience.followerGrowth)
        #expect(try text("#follower-growth")?.contains("\(growth.from) → \(growth.to)") == true)
        let days = insights.audience.daily.filter { $0.videoViews != nil || $0.profileViews != nil }.count
        #expect(days > 0)
        #expect(
            try browser.evaluate("document.querySelectorAll('#chart-account-views table tbody tr').length") as? Int
                == days)
        #expect(try browser.evaluate("document.querySelector('#chart-account-views svg') !== null") as? Bool == true)
        // A day the export has no number for is a gap in the line, not a zero.
        for (series, known) in [
            ("s1", insights.audience.daily.filter { $0.videoViews != nil }.count),
            ("s2", insights.audience.daily.filter { $0.profileViews != nil }.count),
        ] {
            let drawn =
                try browser.evaluate(
                    "Array.from(document.querySelectorAll('#chart-account-views polyline.\(series)'))"
                        + ".reduce((n, l) => n + l.getAttribute('points').trim().split(' ').length, 0)"
                        + " + document.querySelectorAll('#chart-account-views circle.\(series)').length") as? Int
            #expect(drawn == known, "\(series): \(String(describing: drawn)) points for \(known) days with a number")
        }
        #expect(
            try browser.evaluate("document.querySelectorAll('#audience-gender tbody tr').length") as? Int
                == insights.audience.genderShares.count)
        #expect(
            try browser.evaluate("document.documentElement.scrollWidth <= 390") as? Bool == true, "no sideways scroll")
    }
}
