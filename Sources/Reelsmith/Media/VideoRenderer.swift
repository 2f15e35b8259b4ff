import Foundation

/// Runs a ``RenderPlan``: measures loudness (audio only), renders in one ffmpeg process while
/// reporting progress from `-progress`, then grabs `thumbnail.jpg` from the finished video.
struct VideoRenderer: Sendable {
    var ffmpeg: String

    /// Renders into `plan.output` (relative to `staging`) through a partial file renamed at the end,
    /// so an interrupted render never leaves a video that looks finished.
    func render(_ plan: RenderPlan, staging: URL, progress: @escaping @Sendable (Double) -> Void) async throws {
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
        try await tool.run(plan.arguments, onStart: { pid in
            try? Data("\(pid)".utf8).write(to: pidFile, options: .atomic)
        }) { line in
            // `out_time_us` (and the misnamed `out_time_ms`) are microseconds.
            if line.hasPrefix("out_time_us="), let micro = Double(line.dropFirst("out_time_us=".count)), total > 0 {
                progress(min(1, max(0, micro / 1_000_000 / total)))
            }
        }
        try? FileManager.default.removeItem(at: pidFile)
        let destination = staging.appendingPathComponent(finalOutput)
        try? FileManager.default.removeItem(at: destination)
        try FileManager.default.moveItem(at: staging.appendingPathComponent(partial), to: destination)
        try await tool.run(thumbnailArguments(video: finalOutput, at: min(1.0, total / 2), output: "thumbnail.jpg"))
        progress(1)
    }

    func thumbnailArguments(video: String, at seconds: Double, output: String) -> [String] {
        [
            "-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-ss", String(format: "%.2f", seconds), "-i", video,
            "-frames:v", "1", "-q:v", "3", "-update", "1", output,
        ]
    }
}
