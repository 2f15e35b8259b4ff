/// The engines one job runs (STYLE rules 18, 21): for every stage the chosen engine and the
/// offline one it falls back to, never optional. Built by ``EngineFactory``.
struct JobEngines: Sendable {
    let settings: EngineSettings
    let script: StageEngine<any ScriptWriter>
    /// The offline engine is the rubric, which scores every variant too (the learning loop
    /// compares the two).
    let score: StageEngine<any Scorer>
    let images: StageEngine<any ImageEngine>
    /// The offline pictures with the niche's own pictures, for scenes shown as clips.
    let titleCards: TitleCards
    /// The script's model again, rewriting refused image prompts; nil when the script is offline.
    let promptRewriter: PromptRewriter?
    let voice: StageEngine<any VoiceEngine>
    /// Word timings for a voice that gave none.
    let align: StageEngine<any Aligner>
    /// Stock footage besides the creator's clip library.
    let clips: any ClipSource
}
