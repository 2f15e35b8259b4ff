import ArgumentParser
import Foundation
import Reelsmith

struct RenderBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a 45 s example and a bare one-still ffmpeg encode in the same run; print wall, CPU and realtime factor."
    )

    @OptionGroup var options: WorkspaceOptions

    @Option(help: "Target duration of the benchmark video in seconds.")
    var duration: Int = 45

    @Option(help: "x264 preset to measure.")
    var preset: String = RenderSettings().preset

    @Option(help: "x264 CRF to measure.")
    var crf: Int = RenderSettings().crf

    func run() async throws {
        Log.bootstrap()
        var settings = RenderSettings()
        settings.preset = preset
        settings.crf = crf
        let result = try await RenderBenchmark(templates: options.workspace.templates, settings: settings)
            .run(durationSeconds: duration)
        for row in result.rows {
            print(
                String(
                    format: "%-34@ video %5.1f s  wall %6.2f s  cpu %6.2f s  realtime ×%.2f", row.name as NSString,
                    row.videoSeconds, row.wallSeconds, row.cpuSeconds, row.realtimeFactor))
        }
    }
}
