import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// Why a model's answer was not accepted, in words the model is shown on its one retry and the
/// creator reads when the stage gives up.
package struct AnswerProblem: Error, Sendable, Equatable {
    package var message: String

    package init(_ message: String) { self.message = message }
}
