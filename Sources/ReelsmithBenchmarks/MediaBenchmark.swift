import Foundation
import HeadlessChromium
import LocalProviderServer
import Reelsmith
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// `reelsmith bench providers`, second part: a whole request whose pictures and voice come from a
/// provider that takes a fixed time per answer. Images and voice run at the same time and the
/// pictures in parallel, so the time before the render is about the slower of the two, not their
/// sum (DESIGN §7).
package struct MediaBenchmark: Sendable {
    package struct Result: Sendable {
        package var scenes: Int
        /// From the job's start to the render's start.
        package var secondsBeforeRender: Double
        /// The same answers one after another: script, every picture, then the voice.
        package var sequentialSeconds: Double
        package var stages: [StageTiming]
        package var voiceSeconds: Double
    }

    package let templates: URL

    package init(templates: URL) {
        self.templates = templates
    }

    /// Runs one request of `scenes` scenes against the server at `baseURL`, which must answer
    /// `/images/generations` and `/audio/speech` (WAV).
    package func run(
        baseURL: URL, scenes: Int, durationSeconds: Int, imageDelaySeconds: Double, speechDelaySeconds: Double
    ) async throws -> Result {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("reelsmith-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let workspace = Workspace(root: root, templates: templates)
        try FileManager.default.createDirectory(at: workspace.inbox, withIntermediateDirectories: true)
        let request = workspace.inbox.appendingPathComponent("bench.yaml")
        try Data(
            "niche: fitness\ntopic: the morning workout\nlanguage: en\nduration: \(durationSeconds)\nimages: \(scenes)\n"
                .utf8
        ).write(to: request)
        var provider = ProviderSettings(name: "bench", baseURL: baseURL)
        provider.maxInFlight = max(4, scenes + 1)
        let engines = EngineSettings(
            images: .provider(.init(provider: "bench", model: "bench-image")),
            voice: .provider(.init(provider: "bench", model: "bench-voice", format: "wav")), onFailure: .fail)
        let pipeline = GenerationPipeline(
            workspace: workspace, index: try LearningIndex(url: workspace.indexFile), engines: engines,
            providers: ProviderClients([provider]))
        let published = try await pipeline.run(requestFile: request)
        let stages = published.report.stageTimings
        let render = stages.first { $0.stage == .render }?.startedAt ?? 0
        let script = stages.first { $0.stage == .script }?.seconds ?? 0
        return Result(
            scenes: scenes, secondsBeforeRender: render,
            sequentialSeconds: script + Double(scenes) * imageDelaySeconds + speechDelaySeconds, stages: stages,
            voiceSeconds: published.report.durationSeconds)
    }
}

/// `reelsmith bench align`: offline alignment of about a minute of speech in another voice, on
/// one core (the aligner is single-threaded): espeak's reference track, the features of both,
/// and the warping.
package struct AlignmentBenchmark: Sendable {
    package struct Result: Sendable {
        package var speechSeconds: Double
        package var words: Int
        package var alignSeconds: Double
    }

    package init() {}

    package func run(targetSeconds: Double) async throws -> Result {
        let sentences = [
            "Three habits changed how I start every morning, and none of them costs a thing.",
            "First, I drink a full glass of water before I even look at my phone.",
            "Second, I write down the one task that would make the day a success.",
            "Third, I step outside for five minutes of daylight, whatever the weather.",
            "Try it for a week and tell me in the comments which one worked for you.",
        ]
        // Enough sentences for `targetSeconds` at about 3.3 words a second (pauses included).
        let wordsWanted = Int(targetSeconds * 3.3)
        var scenes: [Script.Scene] = []
        var words = 0
        while words < wordsWanted {
            let text = sentences[scenes.count % sentences.count]
            scenes.append(Script.Scene(index: scenes.count + 1, narration: text, keyPhrase: "", imagePrompt: ""))
            words += text.split(separator: " ").count
        }
        let script = VoiceScript(scenes: scenes)
        let voice = try await SpeechSynthesizer.shared.synthesize(script.text, voice: "en-gb+f3", rate: 165)
        let clock = ContinuousClock()
        let start = clock.now
        let timings = try await OfflineAligner(referenceVoice: Language.en.defaultVoice)
            .timings(of: script, in: voice.samples, sampleRate: voice.sampleRate)
        return Result(
            speechSeconds: voice.durationSeconds, words: timings.count, alignSeconds: (clock.now - start).seconds)
    }
}
