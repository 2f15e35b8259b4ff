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

/// Issue 23: `learning.calibrate_score` in `reelsmith.yaml`.
@Suite struct LearningSettingsTests {
    private func file(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reelsmith-\(UUID().uuidString).yaml")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func calibrationIsOnByDefaultAndTheFileTurnsItOff() throws {
        #expect(LearningSettings().calibratesScore)
        let off = try Configuration.load(file: try file("learning:\n  calibrate_score: false\n"), environment: [:])
        #expect(off.learning.calibratesScore == false)
        #expect(
            GenerationPipeline(
                workspace: try TestSupport.makeWorkspace(), configuration: off, index: try LearningFixtures.index()
            ).calibratesScore == false)
        try SettingsMistakes.expectRefused([
            ("learning:\n  calibrate_scores: false\n", 2, "did you mean `calibrate_score`?"),
            ("learning:\n  calibrate_score: maybe\n", 2, "true"),
        ])
    }
}
