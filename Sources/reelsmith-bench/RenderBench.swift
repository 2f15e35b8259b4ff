import ArgumentParser
import Foundation
import LocalProviderServer
import Reelsmith
import ReelsmithBenchmarks
import ReelsmithCLI
import ReelsmithCore
import ReelsmithMedia

struct RenderBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract:
            "Render a 45 s example (a new shot every render.shot_seconds, hard cuts; --transition crossfade fades into each scene), the same with one shot per scene, with a crossfade on every cut, standing still and with the cards moving whole, and a bare one-still ffmpeg encode (the floor) in the same run (with --clips, also from clips); print wall, CPU, the ratio to the floor, the cost of each added cut, of a crossfade, of the motion and what the card layers save, how far each card's background drifts and how smoothly each shot moves."
    )

    @OptionGroup var options: WorkspaceOptions

    @Option(help: "Target duration of the benchmark video in seconds.")
    var duration: Int = 45

    @Option(help: "x264 preset to measure.")
    var preset: String = RenderSettings().preset

    @Option(help: "x264 CRF to measure.")
    var crf: Int = RenderSettings().crf

    @Option(help: "Motion of the stills: zoom, pan, mixed or none.")
    var motion: String = RenderSettings().motion.rawValue

    @Option(help: "How far a still moves over its scene, as a share of the width (0.01...0.3).")
    var strength: Double = RenderSettings().motionStrength

    @Option(help: "The longest shot before the picture changes, in seconds (2...15).")
    var shotSeconds: Double = RenderSettings().shotSeconds

    @Option(help: "How a new scene comes in: cut or crossfade.")
    var transition: String = RenderSettings().sceneTransition.rawValue

    @Flag(
        help:
            "Also render the same video from five 1080×1920 clips and from five 3840×2160 clips (scenes from footage).")
    var clips = false

    func validate() throws {
        guard Motion(rawValue: motion) != nil else {
            throw ValidationError(
                "unknown motion `\(motion)`: use one of \(Motion.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard SceneTransition(rawValue: transition) != nil else {
            throw ValidationError("unknown transition `\(transition)`: use cut or crossfade")
        }
        guard (2...15).contains(shotSeconds) else {
            throw ValidationError("--shot-seconds must be between 2 and 15, e.g. --shot-seconds 4")
        }
        guard (0.01...0.3).contains(strength) else {
            throw ValidationError("--strength must be between 0.01 and 0.3, e.g. --strength 0.06")
        }
    }

    func run() async throws {
        Log.bootstrap()
        var settings = RenderSettings()
        settings.preset = preset
        settings.crf = crf
        settings.motion = Motion(rawValue: motion) ?? settings.motion
        settings.sceneTransition = SceneTransition(rawValue: transition) ?? settings.sceneTransition
        settings.motionStrength = strength
        settings.shotSeconds = shotSeconds
        let result = try await RenderBenchmark(templates: options.workspace.templates, settings: settings)
            .run(durationSeconds: duration, clipSizes: clips ? [(1080, 1920), (3840, 2160)] : [])
        for row in result.rows {
            print(
                String(
                    format: "%-34@ video %5.1f s  wall %6.2f s  cpu %6.2f s  realtime ×%.2f", row.name as NSString,
                    row.videoSeconds, row.wallSeconds, row.cpuSeconds, row.realtimeFactor))
        }
        print(
            String(
                format: "render / floor: ×%.2f wall, ×%.2f CPU (goal ≤ ×2)", result.costOverFloor, result.cpuOverFloor))
        if let perCut = result.cpuSecondsPerExtraCut {
            print(
                String(
                    format:
                        "pacing: %d more cuts than one per scene, %.2f s CPU each (a hard cut: its shot's input, its motion)",
                    result.extraCuts, perCut))
        }
        if let perFade = result.cpuSecondsPerCrossfade {
            print(
                String(
                    format:
                        "transition: a crossfade costs %.2f s CPU more than a hard cut (%d cuts faded in the run above)",
                    perFade, result.extraCrossfades))
        }
        if let motion = result.cpuSecondsOfMotion {
            print(
                String(
                    format:
                        "motion: the moving pictures cost %.2f s CPU (×%.2f the floor's CPU) over the same shots standing still",
                    motion, motion / max(0.001, result.floor.cpuSeconds)))
        }
        if let saved = result.cpuSecondsSavedByLayers {
            print(
                String(
                    format:
                        "cards: the drifting background under still text costs %.2f s CPU less than moving the whole card",
                    saved))
        }
        for drift in result.cardDrifts {
            print(
                String(
                    format:
                        "card shot %d  %5.2f–%5.2f s  background changed %.2f, text band %.2f (mean grey levels, first to last frame)",
                    drift.shot, drift.fromSeconds, drift.fromSeconds + drift.seconds, drift.background, drift.text))
        }
        if !result.cardDrifts.isEmpty {
            let background = result.cardDrifts.map(\.background)
            let text = result.cardDrifts.map(\.text)
            print(
                String(
                    format:
                        "cards: %d shots, background changed %.2f–%.2f (mean grey levels, first to last frame), text band %.2f–%.2f",
                    result.cardDrifts.count, background.min() ?? 0, background.max() ?? 0, text.min() ?? 0,
                    text.max() ?? 0))
        }
        if let fromClips = result.clipRenders.first {
            print(
                String(
                    format: "clips from 1080×1920: realtime ×%.2f (goal ≤ ×0.6 on 2 cores)", fromClips.realtimeFactor))
        }
        for scene in result.scenes {
            let smoothness = scene.smoothness
            print(
                String(
                    format: "scene %d %-9@ %5.1f–%4.1f s  frozen %5.1f %%  largest jump ×%.2f the median (%.3f)",
                    scene.scene, scene.motion as NSString, scene.fromSeconds, scene.fromSeconds + 2,
                    smoothness.frozenShare * 100, smoothness.largestJumpOverMedian, smoothness.medianDifference))
        }
        print(
            String(
                format:
                    "smoothness (the cards moving whole, every shot, 2 s): frozen ≤ %.1f %%, largest jump ≤ ×%.2f the median (goal ≤ 10 %%, ≤ ×4)",
                result.mostFrozenShare * 100, result.largestJumpOverMedian))
    }
}
