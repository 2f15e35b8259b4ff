import Foundation
import Testing

@testable import ReelsmithCore
@testable import ReelsmithEngines

/// What a plan keeps of its clips (issue 21): a stock scene's alternates carry their credit, a plan
/// written before they did still reads, and a clip deleted before a resumed render is dropped.
@Suite struct ClipPlanTests {
    private static func credit(_ id: String) -> ClipCredit {
        ClipCredit(
            provider: "pexels", id: id, author: "Author \(id)", authorURL: "https://www.pexels.com/@a\(id)",
            url: "https://www.pexels.com/video/\(id)/", licence: "Pexels License",
            licenceURL: "https://www.pexels.com/license/")
    }

    @Test func anAlternatesCreditIsWrittenInSnakeCaseAndAnOlderPlanStillReads() throws {
        let older = Data(
            """
            {"visuals": "clips", "warnings": [], "scenes": [{"scene": 1, "terms": ["run"], "clip": "/a.mp4",
             "source": "library", "reason": "library", "duration_seconds": 4,
             "alternates": [{"clip": "/b.mp4", "duration_seconds": 6}]}]}
            """.utf8)
        let plan = try JSONDecoder().decode(ClipPlan.self, from: older)
        #expect(plan.scenes[0].alternates == [ClipPlan.AlternateClip(clip: "/b.mp4", durationSeconds: 6)])
        #expect(plan.scenes[0].alternates?.first?.credit == nil)

        var stock = plan
        stock.scenes[0].credit = Self.credit("1")
        stock.scenes[0].alternates = [
            ClipPlan.AlternateClip(clip: "/c.mp4", durationSeconds: 5, credit: Self.credit("2"))
        ]
        let json = String(decoding: try JSONFiles.encoder.encode(stock), as: UTF8.self)
        #expect(json.contains("\"author_url\"") && json.contains("\"licence_url\"") && json.contains("Author 2"))
        #expect(try JSONDecoder().decode(ClipPlan.self, from: Data(json.utf8)) == stock)
        #expect(stock.credits.map(\.id) == ["1", "2"])
    }

    @Test func aDeletedAlternateIsDroppedAndADeletedClipGivesWayToItsNextOne() {
        let plan = ClipPlan(
            visuals: .clips,
            scenes: [
                .init(
                    scene: 1, terms: [], clip: "/cache/1.mp4", source: "pexels", reason: "pexels: first unused result",
                    durationSeconds: 6, credit: Self.credit("1"),
                    alternates: [
                        .init(clip: "/cache/2.mp4", durationSeconds: 6, credit: Self.credit("2")),
                        .init(clip: "/cache/3.mp4", durationSeconds: 6, credit: Self.credit("3")),
                    ]),
                .init(
                    scene: 2, terms: [], clip: "/cache/4.mp4", source: "pexels", reason: "pexels: first unused result",
                    durationSeconds: 6, credit: Self.credit("4"),
                    alternates: [.init(clip: "/cache/5.mp4", durationSeconds: 7, credit: Self.credit("5"))]),
            ], warnings: [])
        let gone: Set<String> = ["/cache/2.mp4", "/cache/4.mp4"]
        let checked = plan.droppingMissingClips { !gone.contains($0) }

        // Scene 1 keeps its clip and the alternate still there; scene 2's own clip is gone, its
        // alternate shown instead, with its credit.
        #expect(checked.scenes[0].clip == "/cache/1.mp4")
        #expect(checked.scenes[0].alternates?.map(\.clip) == ["/cache/3.mp4"])
        #expect(checked.scenes[1].clip == "/cache/5.mp4" && checked.scenes[1].durationSeconds == 7)
        #expect(checked.scenes[1].credit?.id == "5" && checked.scenes[1].alternates == [])
        #expect(checked.scenes[1].source == "pexels" && checked.scenes[1].reason.contains("/cache/4.mp4 was deleted"))
        #expect(checked.credits.map(\.id) == ["1", "3", "5"])
        #expect(checked.warnings.count == 2)
        #expect(
            checked.warnings.contains { $0.hasPrefix("scene 1: /cache/2.mp4 is gone") && $0.hasSuffix("not cut to") })
        #expect(
            checked.warnings.contains { $0.hasPrefix("scene 2: /cache/4.mp4 is gone") && $0.contains("/cache/5.mp4") })
    }
}
