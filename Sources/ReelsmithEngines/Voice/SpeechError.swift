import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// A failure of the offline voice.
enum SpeechError: Error, CustomStringConvertible {
    case initialisationFailed
    case unknownVoice(String)
    case synthesisFailed(code: Int32)

    package var description: String {
        switch self {
        case .initialisationFailed:
            "espeak-ng could not start — install it with `apt-get install espeak-ng libespeak-ng1` (see `reelsmith doctor`)"
        case .unknownVoice(let name):
            "espeak-ng has no voice `\(name)` — write `voice: default`, or a name from `espeak-ng --voices` such as en-us, en-gb, fr-fr"
        case .synthesisFailed(let code):
            "espeak-ng failed to synthesise the text (error \(code))"
        }
    }
}
