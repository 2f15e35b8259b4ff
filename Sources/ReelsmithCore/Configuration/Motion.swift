/// How the stills move over their scenes (`render.motion` in `reelsmith.yaml`). Clips bring
/// their own motion; this applies to pictures only.
package enum Motion: String, Sendable, Codable, Equatable, CaseIterable {
    /// Alternately zoom in and zoom out.
    case zoom
    /// Alternately pan left and pan right over the picture scaled once.
    case pan
    /// Zoom in, zoom out, pan left, pan right, in turn: consecutive scenes always differ.
    case mixed
    /// The picture stands still.
    case none
}
