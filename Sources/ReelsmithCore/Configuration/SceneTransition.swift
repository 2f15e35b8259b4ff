/// How a video passes from one scene to the next (`render.scene_transition` in `reelsmith.yaml`).
/// Shots within a scene always cut hard, as creators cut.
package enum SceneTransition: String, Sendable, Codable, Equatable, CaseIterable {
    /// A hard cut, as between shots: what short videos mostly do, and free to render.
    case cut
    /// A short crossfade (``RenderSettings/crossfadeSeconds``) into each new scene: softer, and
    /// 0.5–0.8 s of CPU apiece (`reelsmith bench render`).
    case crossfade
}
