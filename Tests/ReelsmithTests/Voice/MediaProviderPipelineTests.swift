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

/// Requests voiced and illustrated by a provider, end to end through the real executable: what
/// the local server received, what was published, and how the report accounts for it.
/// Serialized: they render video.
@Suite(.serialized) struct MediaProviderPipelineTests {
    static let keyVariable = "REELSMITH_TEST_PROVIDER_KEY"

    private func reelsmith(_ arguments: [String], root: URL) throws -> (stdout: String, stderr: String, status: Int32) {
        try TestSupport.run(
            TestSupport.executable.path, arguments + ["--root", root.path, "--templates", TestSupport.templates.path],
            environment: [Self.keyVariable: ProviderFixtures.secret])
    }

    private func settings(_ server: LocalProviderServer, engines: String, root: URL) throws {
        let text = """
            providers:
              local:
                base_url: \(server.baseURL)
                api_key_env: \(Self.keyVariable)
                max_retries: 0
                max_in_flight: 8
            engines:
            \(engines)
            """
        try Data(text.utf8).write(to: root.appendingPathComponent("reelsmith.yaml"))
    }

    private func report(_ folder: URL) throws -> [String: Any] {
        try #require(
            JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("report.json")))
                as? [String: Any])
    }

    @Test func aVideoSpokenAndIllustratedByTheProvider() async throws {
        let workspace = try TestSupport.makeWorkspace()
        let root = workspace.inbox.deletingLastPathComponent()
        let picture = try MediaFixtures.portraitPicture()
        let speeches = MediaFixtures.Served()
        let server = try LocalProviderServer { request in
            if request.path.hasSuffix("/audio/speech") {
                guard let input = request.json?["input"] as? String, let audio = try? MediaFixtures.speechMP3(input)
                else {
                    return .error(400, "no input")
                }
                speeches.append(audio)
                return .speech(audio, delaySeconds: 0.8)
            }
            if request.path.hasSuffix("/images/generations") { return .imageGeneration(picture, delaySeconds: 0.3) }
            return .error(404, "no such endpoint")
        }
        defer { server.stop() }
        try settings(
            server,
            engines: """
                  voice: { provider: local, model: tts-1, voice: nova, speed: 1.1 }
                  images: { provider: local, model: gpt-image-1, quality: low }
                """, root: root)
        let request = try TestSupport.write(
            "niche: fitness\ntopic: morning stretches\nlanguage: en\nduration: 15\nimages: 3\n",
            to: workspace.inbox.appendingPathComponent("requests"), name: "media.yaml")

        let result = try reelsmith(["process", request.path], root: root)
        #expect(result.status == 0, "\(result.stderr)")
        let folder = try #require(
            TestSupport.contents(of: workspace.videos).first.map { workspace.videos.appendingPathComponent($0) })
        let script = try JSONFiles.read(Script.self, from: folder.appendingPathComponent("script.json"))

        // The speech request: the documented fields, the spoken text only, the key.
        let speechRequests = server.requests(path: "/audio/speech")
        #expect(speechRequests.count == 1)
        let speech = try #require(speechRequests.first?.json)
        #expect(speech["model"] as? String == "tts-1")
        #expect(speech["voice"] as? String == "nova")
        #expect(speech["speed"] as? Double == 1.1)
        #expect(speech["response_format"] as? String == "mp3")
        let input = try #require(speech["input"] as? String)
        #expect(input == VoiceScript(scenes: script.scenes).text)
        #expect(!input.contains("#") && !input.contains("http"), "hashtags and links are never read aloud")
        #expect(speechRequests.first?.headers["authorization"] == "Bearer \(ProviderFixtures.secret)")
        // voice.mp3 is the server's audio, byte for byte.
        #expect(try Data(contentsOf: folder.appendingPathComponent("voice.mp3")) == speeches.all.first)

        // One image request per scene, at gpt-image-1's portrait size, with the niche's style line.
        let imageRequests = server.requests(path: "/images/generations").compactMap(\.json)
        #expect(imageRequests.count == script.scenes.count)
        let style = try #require(
            TemplateLibrary.load(from: TestSupport.templates).template(niche: "fitness", language: .en).imageStyle
                as String?)
        for body in imageRequests {
            #expect(body["model"] as? String == "gpt-image-1")
            #expect(body["size"] as? String == "1024x1536")
            #expect(body["n"] as? Int == 1)
            #expect(body["quality"] as? String == "low")
            #expect(body["response_format"] == nil, "gpt-image models refuse it")
            #expect((body["prompt"] as? String)?.contains(style) == true)
        }
        // The published picture is the server's, cropped to 1080×1920 around its centre.
        let first = folder.appendingPathComponent("images/01.png")
        let probe = try Probe.of(first)
        #expect(probe.video?.width == 1080 && probe.video?.height == 1920)
        let centre = try MediaFixtures.pixel(first, x: 540, y: 960)
        #expect(centre.green > 200 && centre.red < 80, "the subject (lime) is in the middle: \(centre)")
        let edge = try MediaFixtures.pixel(first, x: 4, y: 960)
        #expect(edge.red > 200 && edge.blue < 80, "the blue bands were cropped away: \(edge)")

        // The report: engines, per-scene images, spending and the overlap of images and voice.
        let report = try report(folder)
        let engines = try #require(report["engines"] as? [String: String])
        #expect(engines["voice"] == "local/tts-1 nova")
        #expect(engines["images"] == "local/gpt-image-1")
        #expect(engines["align"]?.hasPrefix("offline") == true)
        let spend = try #require(report["spend"] as? [[String: Any]])
        let imagesSpend = try #require(spend.first { $0["stage"] as? String == "images" })
        #expect(imagesSpend["images"] as? Int == script.scenes.count)
        let voiceSpend = try #require(spend.first { $0["stage"] as? String == "voice" })
        #expect(voiceSpend["characters"] as? Int == input.count)
        #expect((voiceSpend["audio_seconds"] as? Double ?? 0) > 2)
        let status = try reelsmith(["status"], root: root)
        #expect(status.stdout.contains("local/gpt-image-1: 3 requests, 3 images"), "\(status.stdout)")
        #expect(status.stdout.contains("local/tts-1: 1 requests, \(input.count) characters spoken"), "\(status.stdout)")
        let stages = try #require(report["stage_timings"] as? [[String: Any]])
        func span(_ name: String) throws -> (start: Double, end: Double) {
            let stage = try #require(stages.first { $0["stage"] as? String == name })
            let start = try #require(stage["started_at"] as? Double)
            return (start, start + (stage["seconds"] as? Double ?? 0))
        }
        let images = try span("images")
        let voice = try span("voice")
        #expect(
            images.start < voice.end && voice.start < images.end,
            "images and voice ran at the same time: \(images) \(voice)")

        // Word timings from offline alignment: every word, in order, inside the voice.
        let timings = try JSONFiles.read(VoiceTimings.self, from: folder.appendingPathComponent("timings.json"))
        #expect(timings.words.count == VoiceScript(scenes: script.scenes).words.count)
        #expect(zip(timings.words, timings.words.dropFirst()).allSatisfy { $0.start <= $1.start })
        #expect((timings.words.last?.start ?? 99) < timings.durationSeconds)
        let video = try Probe.of(folder.appendingPathComponent("video.mp4"))
        #expect(video.video?.width == 1080 && video.video?.height == 1920)
        #expect(abs(video.durationSeconds - timings.durationSeconds) < 1.0)
    }
}
