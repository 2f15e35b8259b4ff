import Foundation
import ReelsmithCore

/// Runs a ``RenderPlan``: measures loudness (audio only), renders in one ffmpeg process while
/// reporting progress from `-progress`, checks the encoded audio's true peak (and encodes the audio
/// again, lower, when the AAC encoder overshot), then grabs `thumbnail.jpg` from the finished video.
package struct VideoRenderer: Sendable {
    /// What the render measured on the file it made.
    package struct Outcome: Sendable, Equatable {
        /// The published audio's true peak, after encoding.
        var truePeakDBTP: Double?
        /// How many times the audio was encoded again to bring its true peak under the limit.
        var audioReencodes: Int
    }

    /// The AAC encoder's overshoot depends on the material (a hard-limited mix with music can gain
    /// 2–3 dB); a few passes at a ceiling lowered by the measured excess always land under it.
    static let maximumAudioReencodes = 3

    package var ffmpeg: String

    package init(ffmpeg: String) {
        self.ffmpeg = ffmpeg
    }

    /// Renders into `plan.output` (relative to `staging`) through a partial file renamed at the end,
    /// so an interrupted render never leaves a video that looks finished.
    @discardableResult
    package func render(_ plan: RenderPlan, staging: URL, progress: @escaping @Sendable (Double) -> Void) async throws
        -> Outcome
    {
        let tool = ExternalTool(executable: ffmpeg, workingDirectory: staging)
        var plan = plan
        let analysis = try await tool.run(plan.analysisArguments)
        if let loudness = RenderPlan.integratedLoudness(fromAnalysisLog: analysis.stderr), loudness.isFinite,
            loudness > -70
        {
            plan.gainDB = min(30, plan.settings.loudnessTargetLUFS - loudness)
        }
        let finalOutput = plan.output
        // A render killed with its parent (kill -9) may still be running: stop it before starting
        // again, and never share its partial file.
        let pidFile = staging.appendingPathComponent("work/render.pid")
        await OrphanProcess.terminate(recordedIn: pidFile, expecting: "ffmpeg")
        let partial = "work/video.partial-\(ProcessInfo.processInfo.processIdentifier).mp4"
        plan.output = partial
        try FileManager.default.createDirectory(
            at: staging.appendingPathComponent("work"), withIntermediateDirectories: true)
        let total = plan.durationSeconds
        try await tool.run(
            plan.arguments,
            onStart: { pid in
                try? Data("\(pid)".utf8).write(to: pidFile, options: .atomic)
            },
            onLine: { line in
                // `out_time_us` (and the misnamed `out_time_ms`) are microseconds.
                if line.hasPrefix("out_time_us="), let micro = Double(line.dropFirst("out_time_us=".count)), total > 0 {
                    progress(min(1, max(0, micro / 1_000_000 / total)))
                }
            })
        try? FileManager.default.removeItem(at: pidFile)
        let outcome = try await limitTruePeak(of: partial, plan: plan, tool: tool, staging: staging)
        let destination = staging.appendingPathComponent(finalOutput)
        try? FileManager.default.removeItem(at: destination)
        try FileManager.default.moveItem(at: staging.appendingPathComponent(partial), to: destination)
        try await tool.run(thumbnailArguments(video: finalOutput, at: plan.thumbnailSeconds, output: "thumbnail.jpg"))
        progress(1)
        return outcome
    }

    /// Measures the encoded audio's true peak; while it is above the limit, lowers the limiter's
    /// ceiling by the excess (and half a dB more) and encodes the audio again beside the copied video.
    private func limitTruePeak(of partial: String, plan: RenderPlan, tool: ExternalTool, staging: URL) async throws
        -> Outcome
    {
        var plan = plan
        var peak = try await truePeak(of: partial, tool: tool)
        var passes = 0
        while let measured = peak, measured > plan.settings.truePeakLimitDBTP, passes < Self.maximumAudioReencodes {
            passes += 1
            plan.limiterCeilingDB -= measured - plan.settings.truePeakLimitDBTP + 0.5
            let again = "work/video.audio-\(ProcessInfo.processInfo.processIdentifier).mp4"
            try await tool.run(plan.audioReplacementArguments(video: partial, output: again))
            try FileManager.default.removeItem(at: staging.appendingPathComponent(partial))
            try FileManager.default.moveItem(
                at: staging.appendingPathComponent(again), to: staging.appendingPathComponent(partial))
            peak = try await truePeak(of: partial, tool: tool)
        }
        return Outcome(truePeakDBTP: peak, audioReencodes: passes)
    }

    private func truePeak(of file: String, tool: ExternalTool) async throws -> Double? {
        let measured = try await tool.run(RenderPlan.truePeakArguments(of: file))
        return RenderPlan.truePeak(fromAnalysisLog: measured.stderr).flatMap { $0.isFinite ? $0 : nil }
    }

    func thumbnailArguments(video: String, at seconds: Double, output: String) -> [String] {
        [
            "-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-ss", String(format: "%.2f", seconds), "-i", video,
            "-frames:v", "1", "-q:v", "3", "-update", "1", output,
        ]
    }
}
