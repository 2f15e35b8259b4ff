import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// The engines one job runs (STYLE rules 18, 21): for every stage the chosen engine and the
/// offline one it falls back to, never optional. Built by ``EngineFactory``.
package struct JobEngines: Sendable {
    package let settings: EngineSettings
    package let script: StageEngine<any ScriptWriter>
    /// The offline engine is the rubric, which scores every variant too (the learning loop
    /// compares the two).
    package let score: StageEngine<any Scorer>
    package let images: StageEngine<any ImageEngine>
    /// The offline pictures with the niche's own pictures, for scenes shown as clips.
    package let titleCards: TitleCards
    /// The script's model again, rewriting refused image prompts; nil when the script is offline.
    package let promptRewriter: PromptRewriter?
    package let voice: StageEngine<any VoiceEngine>
    /// Word timings for a voice that gave none.
    package let align: StageEngine<any Aligner>
    /// Stock footage besides the creator's clip library.
    package let clips: any ClipSource
}
