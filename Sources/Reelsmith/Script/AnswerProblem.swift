/// Why a model's answer was not accepted, in words the model is shown on its one retry and the
/// creator reads when the stage gives up.
struct AnswerProblem: Error, Sendable, Equatable {
    var message: String

    init(_ message: String) { self.message = message }
}
