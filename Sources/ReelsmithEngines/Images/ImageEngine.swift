import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// The images stage's engine (DESIGN §7, STYLE rule 18): draws one picture per scene. A provider or
/// a program draws for the prompt, in whatever format and size it makes, and the stage scales and
/// crops it to 1080×1920; the offline engine (``TitleCards``) draws the final frame itself.
package protocol ImageEngine: Sendable {
    func draw(_ prompt: String, scene: Script.Scene, to output: URL, staging: URL) async throws
    /// Scenes drawn at once: a provider's `max_in_flight` bounds its own; a local program draws one at a time.
    var drawsInParallel: Bool { get }
    /// Whether the picture drawn is already the 1080×1920 frame.
    var drawsFinalFrame: Bool { get }
    /// The error for a picture it drew that cannot be read, phrased for this engine's settings.
    func unreadablePicture(_ problem: String) -> any Error
}

extension ImageEngine {
    var drawsFinalFrame: Bool { false }
}
