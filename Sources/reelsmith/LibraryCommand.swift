import ArgumentParser
import Foundation
import Reelsmith
import ReelsmithCLI
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

struct LibraryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "library",
        abstract: "List the videos, newest first, with their score, status and real numbers (the dashboard's library).",
        discussion:
            "Status: published (in outbox/videos/, no numbers yet), posted (numbers arrived from inbox/analytics/), external (seen only in a TikTok export). The page outbox/reports/dashboard.html shows the same list with thumbnails, sorting and filters."
    )

    @OptionGroup var options: WorkspaceOptions

    @Flag(help: "Print the list as JSON instead of a table.")
    var json = false

    @Option(help: "Only the videos of this niche.")
    var niche: String?

    func run() async throws {
        Log.bootstrap()
        let index = try LearningIndex(url: options.workspace.indexFile)
        let videos = try index.library(niche: niche)
        if json {
            print(try JSONReport.text(videos))
            return
        }
        guard !videos.isEmpty else {
            print(
                niche.map { "No videos in the niche `\($0)`; `reelsmith niches` lists the niches." }
                    ?? "No videos yet: drop a request into inbox/requests/ (see inbox/requests/example-en.yaml).")
            return
        }
        let table = TextTable(
            headers: ["date", "niche", "title", "score", "status", "views", "eng."],
            rows: videos.map { video in
                [
                    video.day, video.niche.count > 14 ? video.niche.prefix(13) + "…" : video.niche, video.title,
                    video.score.map(String.init) ?? "—", video.status.rawValue,
                    video.views.map(String.init) ?? "—", video.engagement.map(String.init) ?? "—",
                ]
            }, numeric: [3, 5, 6], flexible: 2)
        print(table.render())
        print("\(videos.count) video\(videos.count == 1 ? "" : "s")")
    }
}
