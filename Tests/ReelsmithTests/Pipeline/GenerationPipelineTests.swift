import Foundation
import GRDB
import Testing

@testable import HeadlessChromium
@testable import LocalProviderServer
@testable import Reelsmith
@testable import ReelsmithBenchmarks
@testable import ReelsmithCore
@testable import ReelsmithEngines
@testable import ReelsmithLearning
@testable import ReelsmithMedia

/// End to end with the real engines: espeak-ng, ffmpeg, SQLite. Serialized: each renders video.
@Suite(.serialized) struct GenerationPipelineTests {
    static let publishedFiles = [
        "captions.ass", "captions.srt", "images", "report.json", "request.yaml", "script.json", "thumbnail.jpg",
        "timings.json", "video.mp4", "virality.json", "voice.mp3",
    ]

    private func pipeline(_ workspace: Workspace) throws -> GenerationPipeline {
        GenerationPipeline(workspace: workspace, index: try LearningIndex(url: workspace.indexFile))
    }

    @Test func bundledExamplePublishesEveryFileInTheDeliveryFormat() async throws {
        var workspace = try TestSupport.makeWorkspace()
        // The bundled music lives with the repository's templates.
        workspace.templates = TestSupport.templates
        let request = TestSupport.packageRoot.appendingPathComponent("inbox/requests/example-en.yaml")
        let published = try await pipeline(workspace).run(requestFile: request)
        let folder = published.folder

        #expect(TestSupport.contents(of: workspace.videos) == [folder.lastPathComponent])
        #expect(TestSupport.contents(of: folder) == Self.publishedFiles)
        // Each scene's title card, and the beats before it (issue 21: one per shot).
        let images = TestSupport.contents(of: folder.appendingPathComponent("images"))
        #expect(images.filter { !$0.contains("-beat") } == ["01.png", "02.png", "03.png", "04.png"])
        #expect(images.filter { $0.contains("-beat") }.allSatisfy { $0.hasSuffix(".png") && $0.count == 12 })
        #expect(TestSupport.contents(of: workspace.staging).isEmpty)

        let probe = try Probe.of(folder.appendingPathComponent("video.mp4"))
        let video = try #require(probe.video)
        let audio = try #require(probe.audio)
        #expect(video.codec_name == "h264" && video.profile == "High" && video.pix_fmt == "yuv420p")
        #expect(video.width == 1080 && video.height == 1920)
        #expect(video.r_frame_rate == "30/1" && video.avg_frame_rate == "30/1")
        #expect(audio.codec_name == "aac" && audio.sample_rate == "48000")
        let timings = try JSONFiles.read(VoiceTimings.self, from: folder.appendingPathComponent("timings.json"))
        #expect(abs(probe.durationSeconds - timings.durationSeconds) <= 0.1)
        let voiceProbe = try Probe.of(folder.appendingPathComponent("voice.mp3"))
        #expect(voiceProbe.audio?.codec_name == "mp3")
        #expect(abs(voiceProbe.durationSeconds - timings.durationSeconds) <= 0.1)

        let boxes = try MP4Boxes.topLevel(folder.appendingPathComponent("video.mp4"))
        let moov = try #require(boxes.firstIndex(of: "moov"))
        let mdat = try #require(boxes.firstIndex(of: "mdat"))
        #expect(moov < mdat)

        let loudness = try LoudnessMeasurement.of(folder.appendingPathComponent("video.mp4"))
        #expect(abs(loudness.integratedLUFS - -14) <= 1, "integrated \(loudness.integratedLUFS) LUFS")
        #expect(loudness.truePeakDBTP <= -1.5, "true peak \(loudness.truePeakDBTP) dBTP")

        let thumbnail = try Probe.of(folder.appendingPathComponent("thumbnail.jpg"))
        #expect(thumbnail.video?.width == 1080 && thumbnail.video?.height == 1920)

        try expectCaptionsFollowTheVoice(folder: folder, timings: timings)
        try expectRecorded(published, workspace: workspace)

        let report = try JSONFiles.read(GenerationReport.self, from: folder.appendingPathComponent("report.json"))
        #expect(
            report.stageTimings.map(\.stage) == [
                .script, .images, .clips, .voice, .captions, .render, .record, .report,
            ])
        #expect(report.variants.count == 3)
        #expect(report.score.total == report.variants.map(\.total).max())
        // Issue 20: English reads with the packaged piper voice, every word timed from the model.
        if PiperInstall.located().isInstalled {
            #expect(report.engines?["voice"] == "offline (piper en_US-joe-medium)")
            let script = try JSONFiles.read(Script.self, from: folder.appendingPathComponent("script.json"))
            #expect(timings.words.map(\.text) == VoiceScript(scenes: script.scenes).words.map(\.text))
            #expect(timings.words.allSatisfy { $0.end > $0.start && $0.end <= timings.durationSeconds + 0.001 })
        } else {
            print("bundledExample: piper is not installed (run scripts/install-dependencies.sh): read by espeak-ng")
        }
        #expect(!report.suggestions.isEmpty)

        // The niche report counts the new video.
        let niches =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: workspace.outbox.appendingPathComponent("reports/niches.json")))
            as? [String: Any]
        let fitness = (niches?["niches"] as? [[String: Any]])?.first { $0["name"] as? String == "fitness" }
        #expect(fitness?["video_count"] as? Int == 1)
    }

    /// Each caption (SRT entry) starts within 50 ms of its first word's time from espeak's events,
    /// and every spoken word is captioned once, in order.
    private func expectCaptionsFollowTheVoice(folder: URL, timings: VoiceTimings) throws {
        let srt = try String(contentsOf: folder.appendingPathComponent("captions.srt"), encoding: .utf8)
        var wordIndex = 0
        for entry in srt.components(separatedBy: "\n\n")
        where !entry.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            let lines = entry.split(separator: "\n")
            let start = lines[1].components(separatedBy: " --> ")[0]
            let parts = start.split(whereSeparator: { $0 == ":" || $0 == "," }).compactMap { Double($0) }
            let seconds = parts[0] * 3600 + parts[1] * 60 + parts[2] + parts[3] / 1000
            let words = lines[2].split(separator: " ")
            #expect(abs(seconds - timings.words[wordIndex].start) <= 0.05, "caption `\(lines[2])`")
            #expect(String(words[0]) == timings.words[wordIndex].text)
            wordIndex += words.count
        }
        #expect(wordIndex == timings.words.count)
        let ass = try String(contentsOf: folder.appendingPathComponent("captions.ass"), encoding: .utf8)
        #expect(ass.contains("PlayResX: 1080") && ass.contains("PlayResY: 1920"))
    }

    private func expectRecorded(_ published: PublishedVideo, workspace: Workspace) throws {
        let database = try DatabaseQueue(path: workspace.indexFile.path)
        try database.read { db in
            let row = try #require(
                try Row.fetchOne(db, sql: "SELECT * FROM videos WHERE id = ?", arguments: [published.jobId]))
            #expect(row["niche"] as String == "fitness")
            #expect(row["virality_score"] as Int == published.report.score.total)
            #expect(abs((row["duration_seconds"] as Double) - published.report.durationSeconds) < 0.01)
            #expect(row["hashtag_count"] as Int == 5)
            #expect(row["has_cta"] as Bool == true)
            #expect((row["hook_length"] as Int) > 2)
            #expect(row["folder"] as String == published.folder.path)
            let features = try #require(
                try Row.fetchOne(
                    db, sql: "SELECT * FROM learning_data WHERE video_id = ?", arguments: [published.jobId]))
            #expect(features["virality_score"] as Int == published.report.score.total)
            let job = try #require(
                try Row.fetchOne(db, sql: "SELECT * FROM jobs WHERE id = ?", arguments: [published.jobId]))
            #expect(job["state"] as String == "published")
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
        }
    }

    @Test func hostileTextIsEscapedForLibassAndTheVideoRenders() async throws {
        let workspace = try TestSupport.makeWorkspace()
        let published = try await pipeline(workspace).run(requestFile: TestSupport.fixture("requests/hostile.yaml"))
        let script = try JSONFiles.read(Script.self, from: published.folder.appendingPathComponent("script.json"))
        #expect(script.script.contains(#"{\pos(0,0)}"#))
        let ass = try String(contentsOf: published.folder.appendingPathComponent("captions.ass"), encoding: .utf8)
        let events = ass.split(separator: "\n").filter { $0.hasPrefix("Dialogue:") }.joined(separator: "\n")
        #expect(events.contains(#"\{\⁠pos(0,0)\}"#))
        #expect(!events.contains("🔥"))
        #expect(events.contains("שלום"))
        let probe = try Probe.of(published.folder.appendingPathComponent("video.mp4"))
        let timings = try JSONFiles.read(
            VoiceTimings.self, from: published.folder.appendingPathComponent("timings.json"))
        #expect(abs(probe.durationSeconds - timings.durationSeconds) <= 0.1)
        #expect(!timings.words.contains { $0.text.contains("🔥") })
    }

    @Test(arguments: [
        "unknown-key.yaml", "wrong-type.yaml", "out-of-range.yaml", "empty.yaml", "not-utf8.yaml", "syntax-error.yaml",
        "bad-language.yaml", "missing-niche.yaml", "unknown-music.yaml", "long-topic.yaml", "unknown-voice.yaml",
    ])
    func badInputIsReportedAndLeavesTheOutboxUntouched(fixture: String) async throws {
        let workspace = try TestSupport.makeWorkspace()
        let request = TestSupport.fixture("requests/\(fixture)")
        await #expect(throws: InputError.self) {
            _ = try await pipeline(workspace).run(requestFile: request, displayName: "inbox/requests/\(fixture)")
        }
        #expect(TestSupport.contents(of: workspace.videos).isEmpty)
        #expect(TestSupport.contents(of: workspace.staging).isEmpty)
    }

    @Test func processCommandExitsNonZeroWithTheMessageAndTouchesNothing() throws {
        let workspace = try TestSupport.makeWorkspace()
        let root = workspace.inbox.deletingLastPathComponent()
        let result = try TestSupport.run(
            TestSupport.executable.path,
            [
                "process", "--root", root.path, "--templates", workspace.templates.path,
                TestSupport.fixture("requests/unknown-key.yaml").path,
            ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("unknown-key.yaml:3:1: unknown key `nich` — did you mean `niche`?"))
        #expect(TestSupport.contents(of: workspace.videos).isEmpty)
    }

    @Test func resumeAfterKillReusesTheFinishedStages() async throws {
        let executable = TestSupport.executable
        try #require(
            FileManager.default.isExecutableFile(atPath: executable.path), "run `swift build` before the tests")
        let workspace = try TestSupport.makeWorkspace()
        let request = try TestSupport.write(
            "niche: motivation\ntopic: la discipline\nlanguage: fr\nduration: 15\nimages: 2\n",
            to: workspace.inbox.appendingPathComponent("requests"), name: "resume.yaml")
        let jobId = GenerationPipeline.jobId(forContent: try Data(contentsOf: request))
        let staging = workspace.staging.appendingPathComponent(jobId)

        let process = try await RunningProcess.start(
            executable,
            arguments: [
                "process", "--root", workspace.inbox.deletingLastPathComponent().path, "--templates",
                workspace.templates.path,
                request.path,
            ])
        let deadline = Date().addingTimeInterval(60)
        // Images and voice run at the same time: wait for both stages' last products (the voice
        // stage writes its engines after its timings).
        func finished(_ name: String) -> Bool {
            FileManager.default.fileExists(atPath: staging.appendingPathComponent(name).path)
        }
        while !(finished("timings.json") && finished("work/voice-engines.json") && finished("work/images.json")),
            Date() < deadline
        {
            try await Task.sleep(for: .milliseconds(10))
        }
        process.send(SIGKILL)
        #expect(try await process.waitForExit().reason == .uncaughtSignal)
        #expect(TestSupport.contents(of: workspace.videos).isEmpty, "nothing is published by a killed job")
        let voiceDate = try #require(
            try FileManager.default.attributesOfItem(atPath: staging.appendingPathComponent("voice.mp3").path)[
                .modificationDate]
                as? Date)

        let published = try await pipeline(workspace).run(requestFile: request)
        let reused = Dictionary(uniqueKeysWithValues: published.report.stageTimings.map { ($0.stage, $0.reused) })
        #expect(reused[.script] == true && reused[.images] == true && reused[.voice] == true)
        #expect(reused[.render] == false)
        #expect(TestSupport.contents(of: workspace.videos) == [published.folder.lastPathComponent])
        let publishedVoiceDate =
            try FileManager.default.attributesOfItem(
                atPath: published.folder.appendingPathComponent("voice.mp3").path)[.modificationDate] as? Date
        #expect(publishedVoiceDate == voiceDate, "the voice was not synthesised again")
        #expect(try pipeline(workspace).index.videoCount() == 1)

        // Killed right after the rename, before the job was marked published: never twice.
        let index = try LearningIndex(url: workspace.indexFile)
        try await index.database.write { db in
            try db.execute(sql: "UPDATE jobs SET state = 'running', stage = 'publish'")
        }
        let again = try await pipeline(workspace).run(requestFile: request)
        #expect(again.wasPublishedBefore)
        #expect(again.folder.path == published.folder.path)
        #expect(TestSupport.contents(of: workspace.videos) == [published.folder.lastPathComponent])
        #expect(try index.job(id: jobId)?.state == .published)
    }
}
