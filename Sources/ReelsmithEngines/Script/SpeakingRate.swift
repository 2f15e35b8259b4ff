import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// espeak-ng's speaking pace at its default rate, measured on template sentences
/// (en-us ≈ 3.0 words/s, fr-fr ≈ 3.45 words/s, pauses included), rounded down a little so a
/// script errs on the short side of its target.
enum SpeakingRate {
    static func wordsPerSecond(_ language: Language) -> Double {
        switch language {
        case .en: 2.95
        case .fr: 3.4
        }
    }
}
