/// Encoder and look settings of the render. Defaults meet DESIGN §2 stage 5 and the speed goal
/// (see README, "Performance").
package struct RenderSettings: Sendable, Codable, Equatable {
    package var width = 1080
    package var height = 1920
    package var framesPerSecond = 30
    /// x264 preset; `veryfast` at CRF 21 is the measured balance (README, "Performance").
    package var preset = "veryfast"
    package var crf = 21
    /// x264's macroblock tree lets a slow, even motion drift between keyframes and catch up at
    /// each one: a pop every 2 s, 4–5× the frame-to-frame change of the motion (issue 14). Without
    /// it the pops stay within 2.7× of the median, for about 1.8× the bytes at the same CRF.
    package var x264Parameters = "mbtree=0"
    package var crossfadeSeconds = 0.4
    /// How a new scene comes in: a hard cut (the default: what short videos do, and the cheapest
    /// to render) or a crossfade of ``crossfadeSeconds``.
    package var sceneTransition = SceneTransition.cut
    /// How the stills move: zoom in and out, pan, both in turn (`mixed`), or not at all.
    package var motion = Motion.mixed
    /// How far a still moves over 8 s, as a share of the frame's width: a zoom grows the
    /// picture by it (0.06 = 6 %), a pan travels it across the picture enlarged by it; a shorter
    /// shot moves its share of it, at the same speed.
    package var motionStrength = 0.06
    /// The longest a shot lasts before the picture changes (issue 21): creators cut every 2–4 s,
    /// MoneyPrinterTurbo at most every 5 s. Cuts fall between the voice's words, at a sentence or
    /// phrase end where one is near.
    package var shotSeconds = 4.0
    /// The shortest shot: under about 1.2 s a picture is gone before it is seen.
    package var minimumShotSeconds = 1.2
    package var audioBitrate = "160k"
    /// Music bed level before ducking, relative to its file.
    package var musicVolumeDB = -14.0
    /// Integrated loudness target (TikTok and most platforms normalise to about −14 LUFS).
    package var loudnessTargetLUFS = -14.0
    /// The highest true peak allowed in the published audio, measured after the AAC encode
    /// (DESIGN §2: −1.5 dBTP).
    package var truePeakLimitDBTP = -1.5

    package init() {}
}
