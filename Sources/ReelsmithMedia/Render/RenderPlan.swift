import Foundation
import ReelsmithCore

/// The one ffmpeg command that renders a video (DESIGN §2, stage 5): one process, one filter
/// graph, one encode. Built as an argument array that tests can read without running it. All
/// paths are relative to the staging folder, where ffmpeg runs, except the music file, which is
/// passed as an input argument and never enters the graph.
package struct RenderPlan: Sendable, Equatable {
    /// One still per shot (``ShotList``), relative paths, in order; "scene" below means a shot.
    package var images: [String]
    /// When each scene's narration starts, in seconds (first is 0).
    package var sceneStarts: [Double]
    package var durationSeconds: Double
    /// The lossless voice track, relative path.
    package var voice: String
    /// Absolute path to a music file, looped under the voice and ducked by it.
    package var music: String?
    /// The ASS file, relative path; nil renders without captions.
    package var captions: String?
    package var output: String
    /// Gain applied after compression to reach the loudness target, from ``analysisArguments``.
    var gainDB: Double = 0
    /// The limiter's ceiling in dBFS, with headroom for the AAC encoder's overshoot; lowered by
    /// ``VideoRenderer`` when the encoded audio still peaks above ``RenderSettings/truePeakLimitDBTP``.
    var limiterCeilingDB = -3.1
    package var settings = RenderSettings()
    /// Scenes filled by a video clip instead of their still, by 0-based scene index (issue 9).
    package var clips: [Int: SceneClip] = [:]
    /// Stills shown closer than whole, by 0-based input index (issue 21: several shots of one picture).
    package var framings: [Int: StillFraming] = [:]
    /// Title cards rendered from their layers (``CardLayers``: the background drifts, the text
    /// stands still), by 0-based input index: the layers file, relative path.
    package var cardLayers: [Int: String] = [:]
    /// The shots that crossfade from the one before, by 0-based index; nil: every shot after the
    /// first. The pipeline cuts hard (issue 21: a 12-frame crossfade costs about 0.7 s CPU more
    /// than a hard cut, and one on every cut kept the render above 2× the still floor).
    package var crossfadedShots: Set<Int>?
    /// The shots that open a scene (``ShotList/sceneOpenings``); nil: each shot is a scene.
    package var sceneOpenings: Set<Int>?

    package init(
        images: [String], sceneStarts: [Double], durationSeconds: Double, voice: String, music: String? = nil,
        captions: String? = nil, output: String, gainDB: Double = 0, limiterCeilingDB: Double = -3.1,
        settings: RenderSettings = RenderSettings(), clips: [Int: SceneClip] = [:]
    ) {
        self.images = images
        self.sceneStarts = sceneStarts
        self.durationSeconds = durationSeconds
        self.voice = voice
        self.music = music
        self.captions = captions
        self.output = output
        self.gainDB = gainDB
        self.limiterCeilingDB = limiterCeilingDB
        self.settings = settings
        self.clips = clips
    }

    var voiceInput: Int { images.count }
    var musicInput: Int { images.count + 1 }

    /// The crossfade length, shortened when scenes are short so each keeps a visible moment.
    var crossfade: Double {
        let lengths = zip(sceneStarts, sceneStarts.dropFirst() + [durationSeconds]).map { $1 - $0 }
        return min(settings.crossfadeSeconds, (lengths.min() ?? 1) / 2)
    }

    /// The timeline in frames: each scene's frames and the crossfades between them.
    package var timeline: SceneTimeline {
        SceneTimeline(
            sceneStarts: sceneStarts, durationSeconds: durationSeconds, crossfadeSeconds: crossfade,
            framesPerSecond: settings.framesPerSecond, fadedChanges: crossfadedShots)
    }

    /// When the thumbnail is taken: in the middle of the first scene's last shot, where a title
    /// card shows its whole phrase (its earlier beats show only part of it); else at 1 s.
    package var thumbnailSeconds: Double {
        guard let sceneOpenings, !sceneStarts.isEmpty else { return min(1.0, durationSeconds / 2) }
        let opening = sceneOpenings.filter { $0 > 0 && $0 < sceneStarts.count }.min() ?? sceneStarts.count
        let end = opening < sceneStarts.count ? sceneStarts[opening] : durationSeconds
        return max(0, (sceneStarts[opening - 1] + end) / 2)
    }

    /// The motion of each scene's still.
    package var sceneMotions: [SceneMotion] { settings.motion.sceneMotions(count: images.count) }

    /// Each still moves by its own chain (``SceneMotion``) into exactly its scene's frames. Only the
    /// crossfades go through `xfade` (a scene's first and last frames are trimmed off for them),
    /// the rest is concatenated as is: `xfade` costs about as much per frame it merely passes on
    /// as per frame it blends, and chained four times it was a quarter of the render.
    var videoGraph: String {
        let timeline = timeline
        let fade = timeline.crossfadeFrames
        var parts: [String] = []
        var order: [String] = []
        for (index, motion) in sceneMotions.enumerated() {
            let frames = timeline.scenes[index].count
            let pieces = timeline.pieces(ofScene: index)
            let cardChain = cardLayers[index].map { _ in
                CardLayers.filterChain(frames: frames, motion: motion, settings: settings, label: "card\(index)")
            }
            let sceneChain =
                clips[index]?.filterChain(frames: frames, settings: settings) ?? cardChain
                ?? (framings[index]?.filterPrefix(settings: settings) ?? "")
                + motion.filterChain(frames: frames, settings: settings)
            let chain = "[\(index):v]" + sceneChain + ",setsar=1"
            guard pieces.count > 1 else {
                parts.append(chain + "[body\(index)]")
                order.append("[body\(index)]")
                continue
            }
            parts.append(chain + ",split=\(pieces.count)" + pieces.map { "[\($0.label)\(index)in]" }.joined())
            for piece in pieces {
                parts.append(
                    "[\(piece.label)\(index)in]trim=start_frame=\(piece.frames.lowerBound):end_frame=\(piece.frames.upperBound),"
                        + "setpts=PTS-STARTPTS[\(piece.label)\(index)]")
            }
            if timeline.fadesIn(index) {
                let duration = String(format: "%.4f", Double(fade) / Double(settings.framesPerSecond))
                parts.append(
                    "[tail\(index - 1)][head\(index)]xfade=transition=fade:duration=\(duration):offset=0[fade\(index)]")
                order.append("[fade\(index)]")
            }
            order.append("[body\(index)]")
        }
        let captionFilter = captions.map { "ass=filename=\(FilterGraph.escapeValue($0))," } ?? ""
        let joined = order.count > 1 ? order.joined() + "concat=n=\(order.count):v=1:a=0," : order.joined()
        parts.append(joined + "\(captionFilter)format=yuv420p[vout]")
        return parts.joined(separator: ";")
    }

    /// The voice (and ducked music) up to the loudness gain: shared by the analysis and the render,
    /// so the gain measured is the gain needed. Ends in the label `[mix]`.
    var audioMixGraph: String {
        // espeak's WAV is mono with no channel layout: set one before any filter.
        var parts = [
            "[\(voiceInput):a]aformat=sample_fmts=fltp:channel_layouts=mono,aresample=48000,"
                + "acompressor=threshold=-32dB:ratio=10:attack=0.5:release=80:makeup=14dB:knee=4,"
                + "aformat=sample_fmts=fltp:channel_layouts=stereo"
                + (music == nil ? "[mix]" : "[voice]")
        ]
        if music != nil {
            parts.append("[voice]asplit=2[speech][key]")
            parts.append(
                "[\(musicInput):a]aformat=sample_fmts=fltp:channel_layouts=stereo,aresample=48000,"
                    + "volume=\(String(format: "%.1f", settings.musicVolumeDB))dB[bed]")
            parts.append("[bed][key]sidechaincompress=threshold=0.02:ratio=10:attack=20:release=400[ducked]")
            parts.append("[speech][ducked]amix=inputs=2:duration=first:dropout_transition=0:normalize=0[mix]")
        }
        return parts.joined(separator: ";")
    }

    var audioGraph: String {
        // The limiter runs at 4× the sample rate so it catches inter-sample (true) peaks; its
        // ceiling leaves headroom for the AAC encoder's overshoot, which the renderer measures.
        let ceiling = min(1, max(0.0625, pow(10, limiterCeilingDB / 20)))
        return audioMixGraph + ";[mix]volume=\(String(format: "%.2f", gainDB))dB,"
            + "aresample=192000,alimiter=limit=\(String(format: "%.4f", ceiling)):attack=1:release=50:level=false,"
            + "aresample=48000,aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo[aout]"
    }

    private var audioInputs: [String] {
        var inputs = ["-i", voice]
        if let music { inputs += ["-stream_loop", "-1", "-i", music] }
        return inputs
    }

    /// Measures the mix's integrated loudness (ebur128) before the gain: an audio-only pass.
    var analysisArguments: [String] {
        // Placeholder inputs keep the input numbering identical to the render's.
        let placeholders = images.flatMap { _ in ["-f", "lavfi", "-i", "color=c=black:s=16x16:d=0.04"] }
        return ["-hide_banner", "-nostats", "-nostdin"] + placeholders + audioInputs + [
            "-filter_complex", audioMixGraph + ";[mix]ebur128=framelog=verbose[measured]",
            "-map", "[measured]", "-t", String(format: "%.3f", durationSeconds), "-f", "null", "-",
        ]
    }

    /// Encodes the audio again (at a lower ``limiterCeilingDB``) beside the video stream of
    /// `video`, copied as it is: the cheap fix when the first encode peaks too high.
    func audioReplacementArguments(video: String, output: String) -> [String] {
        let placeholders = images.flatMap { _ in ["-f", "lavfi", "-i", "color=c=black:s=16x16:d=0.04"] }
        let videoInput = images.count + audioInputs.filter { $0 == "-i" }.count
        return ["-hide_banner", "-nostdin", "-y", "-loglevel", "error", "-nostats"] + placeholders + audioInputs
            + [
                "-i", video, "-filter_complex", audioGraph, "-map", "\(videoInput):v:0", "-map", "[aout]",
                "-c:v", "copy", "-c:a", "aac", "-b:a", settings.audioBitrate, "-ar", "48000",
                "-t", String(format: "%.3f", durationSeconds), "-movflags", "+faststart", output,
            ]
    }

    /// Measures a file's audio true peak (ebur128, 4× oversampled) after encoding.
    static func truePeakArguments(of file: String) -> [String] {
        [
            "-hide_banner", "-nostats", "-nostdin", "-i", file, "-map", "0:a:0", "-af", "ebur128=peak=true", "-f",
            "null", "-",
        ]
    }

    /// Reads the true peak from ebur128's summary (`True peak:` then `Peak: -1.9 dBFS`).
    static func truePeak(fromAnalysisLog log: String) -> Double? {
        summaryValue("Peak:", after: "True peak:", in: log)
    }

    package var arguments: [String] {
        let timeline = timeline
        let fps = Double(settings.framesPerSecond)
        let imageInputs = images.enumerated().flatMap { index, image in
            clips[index]?.inputArguments(sceneSeconds: Double(timeline.scenes[index].count) / fps)
                ?? ["-framerate", "\(settings.framesPerSecond)", "-i", cardLayers[index] ?? image]
        }
        return ["-hide_banner", "-nostdin", "-y", "-loglevel", "error", "-nostats", "-progress", "pipe:1"]
            + imageInputs + audioInputs + [
                "-filter_complex", videoGraph + ";" + audioGraph,
                "-map", "[vout]", "-map", "[aout]",
                "-c:v", "libx264", "-preset", settings.preset, "-crf", "\(settings.crf)",
                "-profile:v", "high", "-pix_fmt", "yuv420p", "-r", "\(settings.framesPerSecond)",
                "-g", "\(settings.framesPerSecond * 2)", "-x264-params", settings.x264Parameters,
                "-c:a", "aac", "-b:a", settings.audioBitrate, "-ar", "48000",
                "-t", String(format: "%.3f", durationSeconds),
                "-movflags", "+faststart", output,
            ]
    }

    /// Reads the integrated loudness from ebur128's summary (`I: -23.4 LUFS`).
    static func integratedLoudness(fromAnalysisLog log: String) -> Double? {
        summaryValue("I:", after: "Summary:", in: log)
    }

    /// The number on the first line starting with `label` after the last `section` of an ebur128 log.
    private static func summaryValue(_ label: String, after section: String, in log: String) -> Double? {
        guard let start = log.range(of: section, options: .backwards) else { return nil }
        for line in log[start.upperBound...].split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix(label) {
                return trimmed.dropFirst(label.count).split(separator: " ").first.flatMap { Double($0) }
            }
        }
        return nil
    }
}
