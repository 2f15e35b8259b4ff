import Foundation
import Testing

@testable import ReelsmithCore
@testable import ReelsmithMedia

/// Where shots are cut and what they show (issue 21), from word timings, without rendering.
@Suite struct ShotPlanTests {
    /// Words every 0.4 s; a sentence ends every 10 words.
    private func words(seconds: Double, scene: Int, from start: Double = 0) -> [WordTiming] {
        stride(from: start, to: start + seconds - 0.2, by: 0.4).enumerated().map { index, time in
            WordTiming(text: index % 10 == 9 ? "end." : "word", start: time, end: time + 0.35, scene: scene)
        }
    }

    @Test func longScenesAreCutOnWordStartsPreferringSentenceEnds() {
        let timed = words(seconds: 10, scene: 1) + words(seconds: 3, scene: 2, from: 10)
        let plan = ShotPlan(
            words: timed, sceneStarts: [0, 10], durationSeconds: 13, longestSeconds: 4, shortestSeconds: 1.2)
        let starts = plan.starts
        let lengths = zip(starts, starts.dropFirst() + [13]).map { $1 - $0 }
        #expect(lengths.allSatisfy { $0 <= 4 + 1e-9 && $0 >= 1.2 - 1e-9 }, "\(starts)")
        #expect(plan.shots.filter { $0.scene == 1 }.count == 1, "a 3 s scene is one shot")
        let wordStarts = Set(timed.map(\.start))
        #expect(starts.dropFirst().allSatisfy(wordStarts.contains), "cuts fall on word starts: \(starts)")
        // The word after "end." starts at 4.0 s: the cut near 3.3 s moves there.
        #expect(starts.contains { abs($0 - 4.0) < 1e-9 }, "\(starts)")
    }

    @Test func consecutiveShotsNeverShowTheSameClipWhileAnotherIsFree() {
        let clips = ["a", "b", "c"].map { SceneClip(path: "/clips/\($0).mp4", durationSeconds: 20) }
        let plan = ShotPlan(
            words: words(seconds: 12, scene: 1) + words(seconds: 12, scene: 2, from: 12), sceneStarts: [0, 12],
            durationSeconds: 24, longestSeconds: 4, shortestSeconds: 1.2)
        let list = ShotList(
            plan: plan,
            scenes: [
                .init(pictures: ["images/01.png"], clips: [clips[0], clips[1], clips[2]]),
                .init(pictures: ["images/02.png"], clips: [clips[1], clips[0], clips[2]]),
            ], durationSeconds: 24)
        let shown = list.images.indices.map { list.clips[$0]?.path }
        #expect(shown.allSatisfy { $0 != nil })
        #expect(zip(shown, shown.dropFirst()).allSatisfy { $0 != $1 }, "\(shown)")
        #expect(Set(shown.compactMap { $0 }).count == 3)
        // A clip shown again goes on from where it stopped.
        let again = list.clips.values.filter { $0.path == clips[0].path }.map(\.startSeconds).sorted()
        #expect(again.count < 2 || again[1] > 0, "\(again)")
    }

    @Test func aCardsBeatsRevealInOrderAndOnePictureGetsCloserFramings() {
        let plan = ShotPlan(
            words: words(seconds: 12, scene: 1) + words(seconds: 12, scene: 2, from: 12), sceneStarts: [0, 12],
            durationSeconds: 24, longestSeconds: 4, shortestSeconds: 1.2)
        let list = ShotList(
            plan: plan,
            scenes: [
                .init(pictures: ["images/01-beat1.png", "images/01-beat2.png", "images/01-beat3.png", "images/01.png"]),
                .init(pictures: ["images/02.png"]),
            ], durationSeconds: 24)
        let first = list.images.indices.filter { plan.shots[$0].scene == 0 }.map { list.images[$0] }
        #expect(first == ["images/01-beat2.png", "images/01-beat3.png", "images/01.png"])
        // The shot that opens scene 2 (the thumbnail is taken just before it).
        #expect(list.sceneOpenings == [first.count])
        let second = list.images.indices.filter { plan.shots[$0].scene == 1 }
        let framings = second.map { list.framings[$0] ?? .whole }
        #expect(zip(framings, framings.dropFirst()).allSatisfy { $0 != $1 }, "\(framings)")
    }
}
