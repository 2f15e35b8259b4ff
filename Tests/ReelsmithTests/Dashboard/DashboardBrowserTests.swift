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

/// The page in a real headless Chromium (Debian's `chromium`, which scripts/install-dependencies.sh
/// installs: without it these tests fail, saying so), loaded from `file://`, with every console
/// message, exception and request watched over the DevTools protocol.
@Suite(.serialized)
struct DashboardBrowserTests {
    /// Text of the first element matching a CSS selector.
    static func text(_ browser: HeadlessChromium, _ selector: String) throws -> String? {
        try browser.evaluate("document.querySelector(\(Self.literal(selector)))?.textContent ?? null") as? String
    }

    /// A JavaScript string literal.
    static func literal(_ text: String) -> String {
        String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
    }

    /// Every request stayed on this disk, inside the outbox: the page and its thumbnails.
    static func expectOnlyLocalRequests(_ browser: HeadlessChromium, outbox: URL) {
        let requests = browser.requestedURLs
        #expect(!requests.isEmpty)
        let outboxURL = outbox.resolvingSymlinksInPath().absoluteString
        for url in requests {
            #expect(url.hasPrefix(outboxURL), "a request left the outbox: \(url)")
        }
    }

    static func libraryRows(_ browser: HeadlessChromium) throws -> [String] {
        try browser.evaluate(
            "Array.from(document.querySelectorAll('#library-table tbody tr')).map(r => r.getAttribute('data-id') + '|' + r.textContent)"
        ) as? [String] ?? []
    }

    @Test func theFixturePageLoadsCleanAndHoldsTheIndexNumbers() throws {
        let project = try DashboardFixtures.project()
        let browser = try HeadlessChromium()
        defer { browser.close() }
        try browser.openPage(project.page, width: 1280, height: 800)
        #expect(try browser.evaluate("document.documentElement.getAttribute('data-ready') !== null") as? Bool == true)
        #expect(browser.consoleProblems.isEmpty, "\(browser.consoleProblems)")
        Self.expectOnlyLocalRequests(browser, outbox: project.workspace.outbox)
        #expect(browser.requestedURLs.first == project.page.resolvingSymlinksInPath().absoluteString)
        // Thumbnails load lazily, after the load event on a busy machine: wait for the first one.
        _ = try browser.evaluate(
            "new Promise(done => { const image = document.querySelector('img.thumb'); if (!image || image.complete) done(true);"
                + " else { image.addEventListener('load', () => done(true)); image.addEventListener('error', () => done(false)); } })"
        )
        let deadline = Date().addingTimeInterval(10)
        while !browser.requestedURLs.contains(where: { $0.hasSuffix("/thumbnail.jpg") }), Date() < deadline {
            _ = try browser.evaluate("1")
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(browser.requestedURLs.contains { $0.hasSuffix("/thumbnail.jpg") }, "thumbnails are linked")

        // The numbers of the index, in French (most requests were).
        #expect(try browser.evaluate("document.documentElement.lang") as? String == "fr")
        #expect(try Self.text(browser, "#count-videos b") == "60")
        #expect(try Self.text(browser, "#success-rate b") == "98\u{202F}%")
        #expect(try Self.text(browser, "#count-trends b") == "5")
        let fitness = try #require(NichesReport(niches: project.index.niches()).niches.first { $0.name == "fitness" })
        #expect(
            try Self.text(browser, "tr[data-niche='fitness'] td.score")
                == NumberText.decimal(fitness.profitabilityScore, .fr))
        #expect(
            try Self.text(browser, "#niche-ranking tbody tr td:nth-child(2)")?.hasPrefix("fitness") == true,
            "ranked first")
        #expect(try Self.text(browser, "tr[data-id='\(DashboardFixtures.id(59))'] td.views") == "60\u{202F}000")
        #expect(
            try Self.text(browser, "tr[data-id='\(DashboardFixtures.id(59))'] td.score small")
                == "20 · 18 · 15 · 12 · 9")
        #expect(try Self.text(browser, "#library-count") == "1–50 sur 61")
        // The video seen only in a TikTok export: no score, no links.
        let external = try #require(project.index.library().first { $0.status == .external })
        #expect(try Self.text(browser, "tr[data-id='\(external.id)'] td.status") == "TikTok seulement")
        #expect(
            try browser.evaluate("document.querySelectorAll(\"tr[data-id='\(external.id)'] a\").length") as? Int == 0)
        #expect(try Self.text(browser, "tr[data-id='\(external.id)'] td.score") == "—")
        #expect(try browser.evaluate("document.querySelectorAll('#library-table tbody tr').length") as? Int == 50)
        #expect(
            try browser.evaluate("document.querySelector('#chart-score-views path').getAttribute('data-points')")
                as? String == "60")
        // Relative links that resolve to the video's folder and MP4 on this disk.
        let href = try #require(
            try browser.evaluate(
                "document.querySelector(\"tr[data-id='\(DashboardFixtures.id(59))'] td.links a:last-child\").href")
                as? String)
        let folder = try #require(project.index.library().first { $0.id == DashboardFixtures.id(59) }?.folder)
        #expect(
            href
                == project.workspace.videos.appendingPathComponent(folder).appendingPathComponent("video.mp4")
                .absoluteString)
        // Every row the script drew names its own folder and day, whether the page shortened them or not.
        let drawn = try #require(
            try browser.evaluate(
                "Array.from(document.querySelectorAll('#library-table tbody tr')).map(r => r.getAttribute('data-id') + '|' + "
                    + "(r.querySelector('td.links a') ? decodeURIComponent(r.querySelector('td.links a').getAttribute('href')) : '') + '|' + "
                    + "r.querySelector('td.title small').textContent).join('\\n')") as? String)
        let library = Dictionary(uniqueKeysWithValues: try project.index.library().map { ($0.id, $0) })
        var shortened = 0
        for line in drawn.split(separator: "\n") {
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            let entry = try #require(library[parts[0]])
            #expect(parts[1] == (entry.folder.map { "../videos/\($0)/" } ?? ""), "\(line)")
            #expect(parts[2].hasSuffix(" · " + entry.day), "\(line)")
            if entry.folder?.hasPrefix(entry.day + "-") == true
                && entry.folder?.hasSuffix(String(entry.id.prefix(8))) == true
            {
                shortened += 1
            }
        }
        #expect(shortened >= 20, "the shortened folder names are exercised")
    }

    @Test func screenshotsAtPhoneAndDesktopSizesShowThePageWithoutSidewaysScrolling() throws {
        let project = try DashboardFixtures.project()
        for (width, height) in [(390, 844), (1280, 800)] {
            let browser = try HeadlessChromium()
            defer { browser.close() }
            try browser.openPage(project.page, width: width, height: height)
            #expect(browser.consoleProblems.isEmpty, "\(browser.consoleProblems)")
            let layout =
                try browser.evaluate(
                    "[document.documentElement.scrollWidth, window.innerWidth, document.body.scrollWidth]") as? [Int]
                ?? []
            #expect(layout.count == 3 && layout[1] == width)
            #expect(layout[0] <= width && layout[2] <= width, "no horizontal scrolling at \(width) px: \(layout)")
            let shot = try ScreenshotCheck.of(try browser.screenshot(), savedAs: "dashboard-\(width)x\(height).png")
            #expect(shot.width == width && shot.height == height)
            #expect(shot.distinctLevels > 20 && shot.deviation > 10, "not blank: \(shot)")
            // The whole page too, for a person to look at.
            _ = try ScreenshotCheck.of(try browser.screenshot(fullPage: true), savedAs: "dashboard-\(width)-full.png")
            // Light by default, dark when the system is.
            #expect(
                try browser.evaluate("getComputedStyle(document.body).backgroundColor") as? String
                    == "rgb(246, 247, 249)")
            try browser.emulateColorScheme("dark")
            #expect(
                try browser.evaluate("getComputedStyle(document.body).backgroundColor") as? String == "rgb(16, 19, 23)")
            #expect(
                try browser.evaluate("getComputedStyle(document.querySelector('h1')).color") as? String
                    == "rgb(230, 233, 237)")
            let dark = try ScreenshotCheck.of(
                try browser.screenshot(), savedAs: "dashboard-\(width)x\(height)-dark.png")
            #expect(dark.distinctLevels > 20 && dark.deviation > 10, "not blank: \(dark)")
        }
    }

    @Test func hostileTitlesShowAsTextInTheMarkupAndWhenTheScriptDrawsThem() throws {
        let project = try DashboardFixtures.project()
        let browser = try HeadlessChromium()
        defer { browser.close() }
        try browser.openPage(project.page, width: 1280, height: 800)
        // The trend is in the markup.
        #expect(
            try browser.evaluate(
                "document.getElementById('top-trends').textContent.includes(\(Self.literal(DashboardFixtures.hostileTrend)))"
            ) as? Bool == true)
        // The two oldest videos are on the second page, drawn by the script.
        try browser.evaluate("document.getElementById('library-next').click()")
        #expect(
            try Self.text(browser, "tr[data-id='\(DashboardFixtures.id(0))'] td.title a")
                == DashboardFixtures.hostileTitle)
        #expect(
            try Self.text(browser, "tr[data-id='\(DashboardFixtures.id(1))'] td.title a")
                == DashboardFixtures.attributeBreaker)
        // Sorted by title, they come first, on the first page.
        try browser.evaluate("document.querySelector('th[data-sort=\"title\"] button').click()")
        let rows = try Self.libraryRows(browser)
        #expect(rows.first?.hasPrefix(DashboardFixtures.id(1) + "|") == true)
        #expect(try browser.evaluate("document.scripts.length") as? Int == 2)
        #expect(try browser.evaluate("document.querySelectorAll('img[src=\"x\"], [onerror]').length") as? Int == 0)
        #expect(!browser.openedDialog, "no alert ran")
        #expect(browser.consoleProblems.isEmpty, "\(browser.consoleProblems)")
    }

    @Test func onlyThePagesOwnScriptRunsEvenIfMarkupSlippedThrough() throws {
        let project = try DashboardFixtures.project()
        // As if a title had reached the page unescaped: the content security policy stops it.
        let html = try String(contentsOf: project.page, encoding: .utf8)
            .replacingOccurrences(
                of: "<main>",
                with: "<main><script>window.injected = 1</script><img src=x onerror=\"window.injected = 2\">")
        let tampered = project.page.deletingLastPathComponent().appendingPathComponent("tampered.html")
        try Data(html.utf8).write(to: tampered)
        let browser = try HeadlessChromium()
        defer { browser.close() }
        try browser.openPage(tampered, width: 1280, height: 800)
        #expect(try browser.evaluate("typeof window.injected") as? String == "undefined")
        #expect(
            try browser.evaluate("document.documentElement.getAttribute('data-ready') !== null") as? Bool == true,
            "ours ran")
        #expect(browser.consoleProblems.contains { $0.text.contains("Content Security Policy") })
    }

    @Test func theLibrarySortsFiltersAndPagesLikeTheMarkupDrawsIt() throws {
        let project = try DashboardFixtures.project(language: .en)
        let browser = try HeadlessChromium()
        defer { browser.close() }
        try browser.openPage(project.page, width: 1280, height: 800)
        let written = try Self.libraryRows(browser)
        #expect(written.count == 50)
        // The script redraws the same first page the markup holds.
        try browser.evaluate(
            "{ const s = document.getElementById('library-sort'); s.value = 'day'; s.dispatchEvent(new Event('change')) }"
        )
        #expect(try Self.libraryRows(browser) == written)
        #expect(try Self.text(browser, "#library-count") == "1–50 of 61")

        try browser.evaluate("document.querySelector('th[data-sort=\"views\"] button').click()")
        var rows = try Self.libraryRows(browser)
        #expect(
            rows.first?.hasPrefix(DashboardFixtures.id(59) + "|") == true
                && rows.last?.hasPrefix(DashboardFixtures.id(10) + "|") == true)
        #expect(
            try browser.evaluate("document.querySelector('th[data-sort=\"views\"]').getAttribute('aria-sort')")
                as? String == "descending")
        try browser.evaluate("document.querySelector('th[data-sort=\"views\"] button').click()")
        rows = try Self.libraryRows(browser)
        #expect(rows.first?.hasPrefix(DashboardFixtures.id(0) + "|") == true)

        try browser.evaluate(
            "{ const n = document.getElementById('library-niche'); n.value = 'cooking'; n.dispatchEvent(new Event('change')) }"
        )
        rows = try Self.libraryRows(browser)
        #expect(rows.count == 20)
        #expect(rows.allSatisfy { $0.contains("cooking · ") })
        #expect(try Self.text(browser, "#library-count") == "1–20 of 20")
        #expect(try browser.evaluate("document.getElementById('library-next').disabled") as? Bool == true)

        try browser.evaluate(
            "{ const n = document.getElementById('library-niche'); n.value = ''; n.dispatchEvent(new Event('change')) }"
        )
        try browser.evaluate("document.getElementById('library-next').click()")
        #expect(try Self.libraryRows(browser).count == 11)
        #expect(try Self.text(browser, "#library-count") == "51–61 of 61")
        #expect(browser.consoleProblems.isEmpty, "\(browser.consoleProblems)")
    }

    @Test func anEmptyIndexGivesAFirstRunPage() throws {
        let workspace = try TestSupport.makeWorkspace()
        let index = try LearningIndex(url: workspace.indexFile)
        try LearningReports(index: index, outbox: workspace.outbox).publish()
        let page = workspace.outbox.appendingPathComponent("reports/dashboard.html")
        let browser = try HeadlessChromium()
        defer { browser.close() }
        try browser.openPage(page, width: 390, height: 844)
        #expect(browser.consoleProblems.isEmpty, "\(browser.consoleProblems)")
        #expect(try browser.evaluate("document.querySelectorAll('#first-run ol li').length") as? Int == 3)
        let steps = try Self.text(browser, "#first-run") ?? ""
        #expect(
            steps.contains("inbox/trends/") && steps.contains("inbox/requests/") && steps.contains("inbox/analytics/"))
        #expect(try Self.text(browser, "#library-count") == "0")
        #expect(try browser.evaluate("document.documentElement.scrollWidth <= window.innerWidth") as? Bool == true)
        let shot = try ScreenshotCheck.of(try browser.screenshot(), savedAs: "dashboard-empty-390x844.png")
        #expect(shot.distinctLevels > 20)
        Self.expectOnlyLocalRequests(browser, outbox: workspace.outbox)
    }

    @Test func theFormWritesARequestThatReelsmithProcessAccepts() throws {
        let project = try DashboardFixtures.project(language: .en)
        let browser = try HeadlessChromium()
        defer { browser.close() }
        try browser.openPage(project.page, width: 390, height: 844)
        let topic = #"squats: the "real" way # not a comment \ <b>é</b>"#
        func fill(_ values: [String: String]) throws {
            for (name, value) in values {
                try browser.evaluate(
                    "(() => { const f = document.getElementById('request-form').elements[\(Self.literal(name))]; "
                        + "f.value = \(Self.literal(value)); f.dispatchEvent(new Event('input', {bubbles: true})); })()"
                )
            }
        }
        try fill(["niche": "fitness", "topic": topic, "tone": "calm: really", "duration": "500"])
        #expect(try browser.evaluate("document.getElementById('request-yaml').value") as? String == "")
        #expect(try Self.text(browser, "#request-problem")?.contains("from 15 to 180") == true)
        #expect(try browser.evaluate("document.getElementById('request-download').disabled") as? Bool == true)

        try fill(["duration": "15", "images": "1", "language": "en", "seed": "-1"])
        #expect(
            try Self.text(browser, "#request-problem")?.contains("seed must be a whole number from 0 to 2147483647")
                == true)
        try fill(["seed": "7", "visuals": "images"])
        try browser.evaluate(
            "(() => { const f = document.getElementById('f-force'); f.checked = true; f.dispatchEvent(new Event('change', {bubbles: true})); })()"
        )
        let yaml = try #require(try browser.evaluate("document.getElementById('request-yaml').value") as? String)
        #expect(yaml.hasPrefix("kind: request\nniche: \"fitness\"\n"))
        let decoded = try GenerationRequest.decode(data: Data(yaml.utf8), displayName: "form.yaml")
        #expect(
            decoded.topic == topic && decoded.tone == "calm: really" && decoded.durationSeconds == 15
                && decoded.images == 1)
        #expect(decoded.visuals == .images && decoded.seed == 7 && decoded.force)
        #expect(browser.consoleProblems.isEmpty, "\(browser.consoleProblems)")

        // The download button saves the same text, with no server.
        let downloads = project.workspace.inbox.deletingLastPathComponent().appendingPathComponent("downloads")
        try FileManager.default.createDirectory(at: downloads, withIntermediateDirectories: true)
        try browser.send(
            "Browser.setDownloadBehavior",
            ["behavior": "allow", "downloadPath": downloads.path, "eventsEnabled": true], session: false)
        let seen = browser.events.count
        try browser.evaluate("document.getElementById('request-download').click()")
        let begun = try browser.waitForEvent("Browser.downloadWillBegin", after: seen)
        #expect(begun["suggestedFilename"] as? String == "request-fitness.yaml")
        let ended = try browser.waitForEvent("Browser.downloadProgress", after: seen) {
            ["completed", "canceled"].contains($0["state"] as? String ?? "")
        }
        #expect(ended["state"] as? String == "completed")
        #expect(
            try String(contentsOf: downloads.appendingPathComponent("request-fitness.yaml"), encoding: .utf8) == yaml)

        let request = try TestSupport.write(
            yaml, to: project.workspace.inbox.appendingPathComponent("requests"), name: "from-form.yaml")
        let result = try TestSupport.run(
            TestSupport.executable.path,
            [
                "process", "--root", project.workspace.inbox.deletingLastPathComponent().path, "--templates",
                TestSupport.templates.path,
                request.path,
            ])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("video published"))
        // The page was rewritten after the job: 61 videos now, and the project's music offered.
        try browser.navigate(project.page)
        #expect(try Self.text(browser, "#count-videos b") == "61")
        let music =
            try browser.evaluate(
                "Array.from(document.querySelectorAll('#music-list option')).map(o => o.value).join(',')") as? String
        #expect(music == "calm,none")
    }
}
