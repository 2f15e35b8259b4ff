/// How the stills move over their scenes (`render.motion` in `reelsmith.yaml`). Clips bring
/// their own motion; this applies to pictures only.
public enum Motion: String, Sendable, Codable, Equatable, CaseIterable {
    /// Alternately zoom in and zoom out.
    case zoom
    /// Alternately pan left and pan right over the picture scaled once.
    case pan
    /// Zoom in, zoom out, pan left, pan right, in turn: consecutive scenes always differ.
    case mixed
    /// The picture stands still.
    case none

    /// The motion of each scene, in order.
    func sceneMotions(count: Int) -> [SceneMotion] {
        let cycle: [SceneMotion] =
            switch self {
            case .zoom: [.zoomIn, .zoomOut]
            case .pan: [.panLeft, .panRight]
            case .mixed: [.zoomIn, .zoomOut, .panLeft, .panRight]
            case .none: [.still]
            }
        return (0..<max(0, count)).map { cycle[$0 % cycle.count] }
    }
}
