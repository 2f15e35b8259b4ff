import Foundation
import ReelsmithCore

/// How much of a still a shot shows (issue 21): the whole picture, or a closer framing of its
/// upper or lower part. A scene with a single picture (a provider's, the creator's own) still
/// changes shot every few seconds: a cut to a closer framing is what an editor does with one photo.
package enum StillFraming: String, Sendable, Equatable, CaseIterable {
    case whole
    case closerTop = "closer top"
    case closerBottom = "closer bottom"

    /// How much closer a closer framing is.
    static let closeness = 1.25

    /// The filters that turn one input frame into the framing at the output size, before the motion;
    /// empty for the whole picture. The input is a single frame, so this runs once per shot.
    func filterPrefix(settings: RenderSettings) -> String {
        let share = String(format: "%.4f", 1 / Self.closeness)
        let y: String
        switch self {
        case .whole: return ""
        case .closerTop: y = "ih*0.04"
        case .closerBottom: y = "ih-ih*\(share)-ih*0.04"
        }
        return "crop=w=trunc(iw*\(share)/2)*2:h=trunc(ih*\(share)/2)*2:x=(iw-iw*\(share))/2:y=\(y),"
            + "scale=\(settings.width):\(settings.height):flags=bicubic,"
    }
}
