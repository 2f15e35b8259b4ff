import ArgumentParser
import Dispatch
import Foundation
import LocalProviderServer
import Reelsmith
import ReelsmithBenchmarks
import ReelsmithCLI
import ReelsmithCore
import ReelsmithMedia
import Synchronization

struct ProvidersBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "providers",
        abstract: "Measure what the provider layer adds to a model's time, against a local OpenAI-compatible server.",
        discussion:
            "The server (on 127.0.0.1) answers every chat completion after --delay seconds; the whole script writer runs (prompt, HTTP, decoding, checks). Measure with a release build: `swift build -c release && .build/release/reelsmith bench providers`."
    )

    @OptionGroup var options: WorkspaceOptions

    @Option(help: "Seconds the server waits before each answer (a model's own time).")
    var delay: Double = 0.3

    @Option(help: "Scripts asked for one after another.")
    var requests: Int = 20

    @Option(help: "Scripts asked for at once, as `variants:` does.")
    var variants: Int = 5

    @Option(help: "Seconds the server takes per picture (/images/generations), for the media part.")
    var imageDelay: Double = 2

    @Option(help: "Seconds the server takes per speech answer (/audio/speech), for the media part.")
    var speechDelay: Double = 3

    @Option(help: "Scenes of the media part's request (one picture each).")
    var scenes: Int = 5

    func validate() throws {
        guard delay >= 0, requests >= 1, variants >= 1, imageDelay >= 0, speechDelay >= 0, (1...12).contains(scenes)
        else {
            throw ValidationError(
                "give delays of 0 or more, --requests and --variants of 1 or more, and --scenes of 1 to 12")
        }
    }

    func run() async throws {
        Log.bootstrap()
        let benchmark = ProviderBenchmark(templates: options.workspace.templates)
        let answer = try benchmark.modelAnswer()
        let delay = delay
        let server = try LocalProviderServer { _ in .chatCompletion(answer, delaySeconds: delay) }
        defer { server.stop() }
        let result = try await benchmark.run(
            baseURL: URL(string: server.baseURL)!, delaySeconds: delay, requests: requests, variants: variants)
        let sorted = result.overheadMilliseconds.sorted()
        let mean = sorted.reduce(0, +) / Double(sorted.count)
        let median = sorted[sorted.count / 2]
        print(String(format: "server delay            %7.0f ms per answer", delay * 1000))
        print(
            String(
                format: "provider layer adds     %7.1f ms mean, %.1f ms median, %.1f ms max (%d scripts in turn)", mean,
                median, sorted.last ?? 0, result.requests))
        print(
            String(
                format: "%d variants at once     %7.0f ms wall (%.2f round trips; one after another: %.0f ms)",
                result.variants,
                result.variantsSeconds * 1000, result.variantsSeconds / max(delay, 0.001),
                Double(result.variants) * (delay * 1000 + mean)))
        try await media()
    }

    /// A whole request whose pictures and voice come from the server, each answer after a fixed delay.
    private func media() async throws {
        let picture = try await Self.picture()
        let (imageDelay, speechDelay) = (imageDelay, speechDelay)
        let server = try LocalProviderServer { request in
            if request.path.hasSuffix("/images/generations") {
                return .imageGeneration(picture, delaySeconds: imageDelay)
            }
            if request.path.hasSuffix("/audio/speech"), let text = request.json?["input"] as? String,
                let audio = try? Self.speech(text)
            {
                return .speech(audio, contentType: "audio/wav", delaySeconds: speechDelay)
            }
            return .error(404, "not served by this benchmark")
        }
        defer { server.stop() }
        let result = try await MediaBenchmark(templates: options.workspace.templates).run(
            baseURL: URL(string: server.baseURL)!, scenes: scenes, durationSeconds: 30, imageDelaySeconds: imageDelay,
            speechDelaySeconds: speechDelay)
        print(
            String(
                format: "media: %d pictures at %.1f s and a voice at %.1f s (%.1f s of speech)", result.scenes,
                imageDelay, speechDelay,
                result.voiceSeconds))
        for stage in result.stages where [.script, .images, .voice, .captions].contains(stage.stage) {
            let name = stage.stage.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
            print("  " + name + String(format: " started %6.2f s, took %6.2f s", stage.startedAt ?? 0, stage.seconds))
        }
        print(
            String(
                format: "time before the render  %7.2f s (one answer after another: %.2f s)",
                result.secondsBeforeRender,
                result.sequentialSeconds))
    }

    /// A 1024×1536 picture, made once by ffmpeg.
    private static func picture() async throws -> Data {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reelsmith-bench-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: file) }
        try await ExternalTool(executable: "ffmpeg").run([
            "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc2=s=1024x1536", "-frames:v", "1",
            file.path,
        ])
        return try Data(contentsOf: file)
    }

    /// `text` said by espeak-ng's program in another voice, as WAV (the server's "model"). Called
    /// by the server's synchronous handler on the server's own thread (never the cooperative pool),
    /// which waits here for the run.
    private static func speech(_ text: String) throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reelsmith-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("text.txt")
        let output = folder.appendingPathComponent("speech.wav")
        try Data(text.utf8).write(to: input)
        let failure = Failure()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await ExternalTool(executable: "espeak-ng").run([
                    "-v", "en-us+f3", "-s", "175", "-f", input.path, "-w", output.path,
                ])
            } catch {
                failure.error.withLock { $0 = error }
            }
            done.signal()
        }
        done.wait()
        if let error = failure.error.withLock({ $0 }) { throw error }
        return try Data(contentsOf: output)
    }

    /// What went wrong in a run another thread waits for.
    private final class Failure: Sendable {
        let error = Mutex<(any Error)?>(nil)
    }
}
