import Foundation
import HeadlessChromium
import LocalProviderServer
import Reelsmith
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// `reelsmith bench render`: renders an example video with the real pipeline and, in the same
/// run, the floor — a bare ffmpeg encode of one still frame decoded once, with the same encoder
/// settings — so the two are compared on the same machine at the same moment; then measures how
/// smoothly each scene of the render moves (``MotionSmoothness``), so the cost and the motion are
/// seen together.
package struct RenderBenchmark: Sendable {
    package struct Row: Sendable {
        package var name: String
        package var videoSeconds: Double
        package var wallSeconds: Double
        package var cpuSeconds: Double
        /// Wall time per second of video: 0.5 means a 45 s video in 22.5 s.
        package var realtimeFactor: Double { wallSeconds / max(0.001, videoSeconds) }
    }

    /// The motion of one scene, measured over 2 s in its middle.
    package struct SceneSmoothness: Sendable {
        package var scene: Int
        package var motion: String
        package var fromSeconds: Double
        package var smoothness: MotionSmoothness
    }

    /// One layered card's shot (``CardLayers``): how much its background changed from its first
    /// frame to its last, and its text band.
    package struct CardDrift: Sendable {
        /// Above the card's sticker and text (TikTok's top bar), where a card has only its background.
        static let backgroundBand = "1080:240:0:0"
        /// Where the card's text sits (and nothing else moves).
        static let textBand = "1080:600:0:300"
        package var shot: Int
        package var fromSeconds: Double
        package var seconds: Double
        /// Mean absolute difference, 0…255.
        package var background: Double
        package var text: Double
    }

    package struct Result: Sendable {
        package var render: Row
        package var floor: Row
        package var scenes: [SceneSmoothness]
        /// Renders whose scenes are clips instead of stills (`--clips`, issue 9).
        package var clipRenders: [Row] = []
        /// The same video with one shot per scene (issue 21 cuts every `shot_seconds`), and how
        /// many more cuts (crossfades) the paced render has.
        package var perScene: Row?
        package var extraCuts = 0
        /// The same shots with a crossfade on every cut, and how many more crossfades that is.
        package var everyCutFaded: Row?
        package var extraCrossfades = 0
        /// The same shots with `motion: none`: nothing moves.
        package var standingStill: Row?
        /// The same shots with the cards moving whole (a zoom or pan of the picture, no layers).
        package var wholeCards: Row?
        package var cardDrifts: [CardDrift] = []
        package var rows: [Row] {
            [render] + [perScene, everyCutFaded, standingStill, wholeCards].compactMap { $0 } + clipRenders + [floor]
        }
        /// CPU seconds each hard cut added by the pacing costs (its shot's own input and motion).
        package var cpuSecondsPerExtraCut: Double? {
            guard let perScene, extraCuts > 0 else { return nil }
            return (render.cpuSeconds - perScene.cpuSeconds) / Double(extraCuts)
        }
        /// CPU seconds a crossfade costs over a hard cut.
        package var cpuSecondsPerCrossfade: Double? {
            guard let everyCutFaded, extraCrossfades > 0 else { return nil }
            return (everyCutFaded.cpuSeconds - render.cpuSeconds) / Double(extraCrossfades)
        }
        /// CPU seconds the moving pictures cost over the same shots standing still, and over the floor.
        package var cpuSecondsOfMotion: Double? { standingStill.map { render.cpuSeconds - $0.cpuSeconds } }
        /// CPU seconds the layered cards save over moving the whole card.
        package var cpuSecondsSavedByLayers: Double? { wholeCards.map { $0.cpuSeconds - render.cpuSeconds } }
        /// The render's wall time over the floor's: the goal is ≤ 2.
        package var costOverFloor: Double { render.wallSeconds / max(0.001, floor.wallSeconds) }
        /// The same in CPU time: steadier than wall time when other work shares the machine.
        package var cpuOverFloor: Double { render.cpuSeconds / max(0.001, floor.cpuSeconds) }
        /// The largest share of frozen frames among the scenes.
        package var mostFrozenShare: Double { scenes.map(\.smoothness.frozenShare).max() ?? 0 }
        /// The largest jump over its scene's median among the scenes.
        package var largestJumpOverMedian: Double { scenes.map(\.smoothness.largestJumpOverMedian).max() ?? 0 }
    }

    package let templates: URL
    package let settings: RenderSettings
    package let tools: Tools

    package init(templates: URL, settings: RenderSettings, tools: Tools = Tools()) {
        self.templates = templates
        self.settings = settings
        self.tools = tools
    }

    /// - Parameter clipSizes: also render the same video from five clips of each size (issue 9).
    package func run(durationSeconds: Int, clipSizes: [(width: Int, height: Int)] = []) async throws -> Result {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("reelsmith-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let workspace = Workspace(root: root, templates: templates)
        try FileManager.default.createDirectory(at: workspace.inbox, withIntermediateDirectories: true)
        let request = workspace.inbox.appendingPathComponent("bench.yaml")
        try Data(
            "niche: fitness\ntopic: the morning workout\nlanguage: en\nduration: \(durationSeconds)\nimages: 5\n".utf8
        )
        .write(to: request)
        let index = try LearningIndex(url: workspace.indexFile)
        let pipeline = GenerationPipeline(workspace: workspace, tools: tools, index: index, settings: settings)

        // Stages before the render are measured apart: the row compares renders only.
        let published = try await pipeline.run(requestFile: request)
        let staging = root.appendingPathComponent("rerender")
        try FileManager.default.copyItem(at: published.folder, to: staging)
        try FileManager.default.createDirectory(
            at: staging.appendingPathComponent("work"), withIntermediateDirectories: true)
        let timings = try JSONFiles.read(VoiceTimings.self, from: staging.appendingPathComponent("timings.json"))
        try await ExternalTool(executable: tools.ffmpeg, workingDirectory: staging).run([
            "-hide_banner", "-loglevel", "error", "-y", "-i", "voice.mp3", "-c:a", "pcm_s16le", "work/voice.wav",
        ])
        let scenes = published.report.request.images
        let script = try JSONFiles.read(Script.self, from: staging.appendingPathComponent("script.json"))
        // The cards again, as the images stage made them: their layers (the drifting background
        // under the still text) stay in the job's work folder, which is not published.
        let templates = try TemplateLibrary.load(from: workspace.templates)
        let template = templates.template(niche: "fitness", language: .en)
        var cards = ImageRenderer(ffmpeg: tools.ffmpeg, fontFile: tools.fontFile)
        cards.niche = template.niche
        cards.stopwords = templates.foldedStopwordsOfEveryLanguage
        cards.shotSeconds = settings.shotSeconds
        cards.language = .en
        try await cards.render(scenes: script.scenes, palette: template.palette, assets: [], staging: staging)
        // The shots the pipeline renders (issue 21): a new picture every `shot_seconds`.
        let shots = ShotList(
            plan: ShotPlan(
                words: timings.words, sceneStarts: timings.sceneStarts(sceneCount: scenes),
                durationSeconds: timings.durationSeconds, longestSeconds: settings.shotSeconds,
                shortestSeconds: settings.minimumShotSeconds),
            scenes: script.scenes.map { ShotList.SceneVisuals(pictures: ImageRenderer.pictures(of: $0, in: staging)) },
            durationSeconds: timings.durationSeconds)
        var plan = RenderPlan(
            images: shots.images, sceneStarts: shots.starts, durationSeconds: timings.durationSeconds,
            voice: "work/voice.wav", music: nil, captions: "captions.ass", output: "bench.mp4", settings: settings)
        plan.framings = shots.framings
        plan.cardLayers = CardLayers.present(in: plan, staging: staging)
        plan.crossfadedShots = settings.sceneTransition == .crossfade ? shots.sceneOpenings : []
        plan.sceneOpenings = shots.sceneOpenings
        let pipelineRow = try await measure(
            "reelsmith render (\(settings.motion.rawValue), \(shots.images.count) shots)",
            video: timings.durationSeconds
        ) {
            try await VideoRenderer(ffmpeg: tools.ffmpeg).render(plan, staging: staging) { _ in }
        }
        // The same video with one shot per scene (before issue 21): what the extra hard cuts cost.
        var perScene = RenderPlan(
            images: (1...scenes).map { String(format: "images/%02d.png", $0) },
            sceneStarts: timings.sceneStarts(sceneCount: scenes), durationSeconds: timings.durationSeconds,
            voice: "work/voice.wav", music: nil, captions: "captions.ass", output: "bench-scenes.mp4",
            settings: settings)
        perScene.cardLayers = CardLayers.present(in: perScene, staging: staging)
        let perSceneRow = try await measure(
            "  same, one shot per scene (\(scenes) shots)", video: timings.durationSeconds
        ) {
            try await VideoRenderer(ffmpeg: tools.ffmpeg).render(perScene, staging: staging) { _ in }
        }
        // The same shots with a crossfade on every cut: what a crossfade costs over a hard cut.
        var everyCutFaded = plan
        everyCutFaded.crossfadedShots = nil
        everyCutFaded.output = "bench-faded.mp4"
        let fadedRow = try await measure(
            "  same, a crossfade on every cut", video: timings.durationSeconds
        ) {
            try await VideoRenderer(ffmpeg: tools.ffmpeg).render(everyCutFaded, staging: staging) { _ in }
        }
        // The same shots standing still: what the moving pictures (the cards' backgrounds) cost.
        var standingStill = plan
        standingStill.settings.motion = .none
        standingStill.output = "bench-still.mp4"
        let stillRow = try await measure(
            "  same, nothing moving (motion: none)", video: timings.durationSeconds
        ) {
            try await VideoRenderer(ffmpeg: tools.ffmpeg).render(standingStill, staging: staging) { _ in }
        }
        // The same shots with each card moving whole, as a picture does (before the cards had
        // layers): what the layers save, and the motion whose smoothness is measured below
        // (provider and creator pictures still move so).
        var wholeCards = plan
        wholeCards.cardLayers = [:]
        wholeCards.output = "bench-whole.mp4"
        let wholeRow = try await measure(
            "  same, cards moving whole (zoom, pan)", video: timings.durationSeconds
        ) {
            try await VideoRenderer(ffmpeg: tools.ffmpeg).render(wholeCards, staging: staging) { _ in }
        }
        let baselineArguments = [
            "-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-framerate", "\(settings.framesPerSecond)",
            "-i", "images/01.png", "-i", "work/voice.wav",
            "-filter_complex",
            "[0:v]format=yuv420p,loop=loop=-1:size=1:start=0,setpts=N/(\(settings.framesPerSecond)*TB)[v]",
            "-map", "[v]", "-map", "1:a", "-c:v", "libx264", "-preset", settings.preset, "-crf", "\(settings.crf)",
            "-profile:v", "high", "-pix_fmt", "yuv420p", "-r", "\(settings.framesPerSecond)",
            "-x264-params", settings.x264Parameters, "-c:a", "aac", "-b:a", settings.audioBitrate, "-ar", "48000",
            "-t", String(format: "%.3f", timings.durationSeconds), "baseline.mp4",
        ]
        let floorRow = try await measure("floor (one still, same encoder)", video: timings.durationSeconds) {
            try await ExternalTool(executable: tools.ffmpeg, workingDirectory: staging).run(baselineArguments)
        }
        var scenesSmoothness: [SceneSmoothness] = []
        let fps = Double(settings.framesPerSecond)
        let timeline = plan.timeline
        // What of each shot is its own: without the crossfades it shares with its neighbours.
        func ownFrames(_ index: Int) -> Range<Int> {
            let frames = timeline.scenes[index]
            let head = timeline.fadesIn(index) ? timeline.crossfadeFrames : 0
            let tail = index + 1 < timeline.scenes.count && timeline.fadesIn(index + 1) ? timeline.crossfadeFrames : 0
            return (frames.lowerBound + head)..<max(frames.lowerBound + head, frames.upperBound - tail)
        }
        for index in timeline.scenes.indices where ownFrames(index).count > Int(2.2 * fps) {
            // 2 s in the middle of the shot, clear of its crossfades and cuts (shorter shots are left out).
            let frames = ownFrames(index)
            let start = Double(frames.lowerBound + frames.upperBound) / 2 / fps - 1
            let smoothness = try await MotionSmoothness.measure(
                video: staging.appendingPathComponent("bench-whole.mp4"), fromSeconds: start, ffmpeg: tools.ffmpeg)
            scenesSmoothness.append(
                SceneSmoothness(
                    scene: index + 1, motion: plan.sceneMotions[index].rawValue, fromSeconds: start,
                    smoothness: smoothness))
        }
        // The layered cards: how far each background drifts over its shot, and how still the text is.
        var drifts: [CardDrift] = []
        for index in timeline.scenes.indices where plan.cardLayers[index] != nil && ownFrames(index).count > Int(fps) {
            let first = Double(ownFrames(index).lowerBound + 1) / fps
            let last = Double(ownFrames(index).upperBound - 2) / fps
            drifts.append(
                CardDrift(
                    shot: index + 1, fromSeconds: first, seconds: last - first,
                    background: try await Self.difference(
                        video: staging.appendingPathComponent("bench.mp4"), from: first, to: last,
                        band: CardDrift.backgroundBand, ffmpeg: tools.ffmpeg),
                    text: try await Self.difference(
                        video: staging.appendingPathComponent("bench.mp4"), from: first, to: last,
                        band: CardDrift.textBand, ffmpeg: tools.ffmpeg)))
        }
        var clipRows: [Row] = []
        for size in clipSizes {
            var clipPlan = plan
            clipPlan.output = "bench-clips.mp4"
            let longest =
                zip(clipPlan.sceneStarts, clipPlan.sceneStarts.dropFirst() + [timings.durationSeconds]).map { $1 - $0 }
                .max() ?? 10
            let clips = try await BenchmarkClips.make(
                count: scenes, width: size.width, height: size.height, seconds: (longest + 1).rounded(.up),
                in: root.appendingPathComponent("clips"), ffmpeg: tools.ffmpeg)
            clipPlan.clips = Dictionary(uniqueKeysWithValues: clips.enumerated().map { ($0.offset, $0.element) })
            clipRows.append(
                try await measure(
                    "reelsmith render (clips \(size.width)×\(size.height))", video: timings.durationSeconds
                ) {
                    try await VideoRenderer(ffmpeg: tools.ffmpeg).render(clipPlan, staging: staging) { _ in }
                })
            // The same command without the encoder: what decoding and the graph cost by themselves.
            let arguments = clipPlan.arguments
            let graphOnly =
                Array(arguments[..<(arguments.firstIndex(of: "-c:v") ?? arguments.count)]) + ["-f", "null", "-"]
            clipRows.append(
                try await measure("  same, decode + graph only (no encode)", video: timings.durationSeconds) {
                    try await ExternalTool(executable: tools.ffmpeg, workingDirectory: staging).run(graphOnly)
                })
        }
        var result = Result(render: pipelineRow, floor: floorRow, scenes: scenesSmoothness)
        result.perScene = perSceneRow
        result.extraCuts = max(0, shots.images.count - scenes)
        result.everyCutFaded = fadedRow
        result.extraCrossfades = max(0, shots.images.count - 1 - plan.timeline.fadedChanges.count)
        result.standingStill = stillRow
        result.wholeCards = wholeRow
        result.cardDrifts = drifts
        result.clipRenders = clipRows
        return result
    }

    /// The mean absolute difference (0…255, grey) between the frames at `from` and `to` over a
    /// band (`crop` arguments) of `video`.
    static func difference(video: URL, from: Double, to: Double, band: String, ffmpeg: String) async throws -> Double {
        let output = try await ExternalTool(executable: ffmpeg).run([
            "-hide_banner", "-nostdin", "-loglevel", "error", "-ss", String(format: "%.3f", from), "-i", video.path,
            "-ss", String(format: "%.3f", to), "-i", video.path, "-filter_complex",
            // One frame of each, at the same time stamp, so that `blend` pairs them.
            "[0:v]trim=end_frame=1,setpts=0,crop=\(band),format=gray[a];"
                + "[1:v]trim=end_frame=1,setpts=0,crop=\(band),format=gray[b];"
                + "[a][b]blend=all_mode=difference,signalstats,metadata=print:key=lavfi.signalstats.YAVG:file=-",
            "-frames:v", "1", "-f", "null", "-",
        ])
        return MotionSmoothness.differences(fromMetadata: output.stdout).first ?? 0
    }

    /// Wall time and the CPU time of child processes spent inside `work`.
    private func measure(_ name: String, video: Double, _ work: () async throws -> Void) async throws -> Row {
        let before = Self.childrenCPUSeconds()
        let start = Date()
        try await work()
        let wall = Date().timeIntervalSince(start)
        return Row(name: name, videoSeconds: video, wallSeconds: wall, cpuSeconds: Self.childrenCPUSeconds() - before)
    }

    static func childrenCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1_000_000
    }
}
