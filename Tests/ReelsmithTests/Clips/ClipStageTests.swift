import Foundation
import Logging
import Testing

@testable import Reelsmith

/// What `visuals:` does to a plan (issue 9): `images` never looks for clips, `auto` shows a clip
/// only where one matches, `clips` takes an unused one when none matches.
@Suite struct ClipStageTests {
    private func scenes() -> [Script.Scene] {
        [
            Script.Scene(index: 1, narration: "One.", keyPhrase: "Ocean sunrise", imagePrompt: "x"),
            Script.Scene(index: 2, narration: "Two.", keyPhrase: "Quantum taxes", imagePrompt: "x"),
        ]
    }

    private func stage() async throws -> ClipStage {
        let workspace = try ClipFixtures.workspaceWithOwnTemplates()
        let folder = ClipFixtures.assets(workspace, "travel")
        try ClipFixtures.movingClip(
            .blue, width: 1080, height: 1920, seconds: 2, at: folder.appendingPathComponent("ocean.mp4"))
        try ClipFixtures.movingClip(
            .red, width: 1080, height: 1920, seconds: 2, at: folder.appendingPathComponent("mountain.mp4"))
        return ClipStage(
            library: ClipLibrary(
                assets: workspace.templates.appendingPathComponent("assets"),
                index: try LearningIndex(url: workspace.indexFile),
                ffprobe: "ffprobe"),
            stock: nil, logger: Logger(label: "test"))
    }

    private func plan(_ stage: ClipStage, _ visuals: VisualsMode) async throws -> ClipPlan {
        try await stage.plan(
            scenes: scenes(), sceneSeconds: [3, 3], visuals: visuals, folders: ["travel", "_all"], nicheTerms: [],
            stopwords: [])
    }

    @Test func visualsDecideWhereClipsGo() async throws {
        let stage = try await stage()
        let images = try await plan(stage, .images)
        #expect(images.scenes.map(\.source) == ["still", "still"])
        #expect(images.scenes.map(\.terms) == [["ocean sunrise", "sunrise"], ["quantum taxes", "quantum"]])

        let auto = try await plan(stage, .auto)
        #expect(auto.scenes.map { $0.clip.map { ($0 as NSString).lastPathComponent } } == ["ocean.mp4", nil])
        #expect(auto.scenes[1].reason == "no clip matches the terms: the still")

        let clips = try await plan(stage, .clips)
        #expect(
            clips.scenes.map { $0.clip.map { ($0 as NSString).lastPathComponent } } == ["ocean.mp4", "mountain.mp4"])
        #expect(clips.scenes[1].reason.hasPrefix("visuals: clips"))
        #expect(clips.sceneClips.count == 2)
    }
}
