import Foundation
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// A `DecodingError` in words: what a model is told on its retry, and what a creator reads.
enum DecodingProblem {
    /// A decoding error in a sentence a model (and a creator) can act on.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: ["."])
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing key `\(path(context.codingPath + [key]))`"
        case .typeMismatch(_, let context): return "`\(path(context.codingPath))` has the wrong type"
        case .valueNotFound(_, let context): return "`\(path(context.codingPath))` is null"
        case .dataCorrupted: return "not valid JSON"
        @unknown default: return "not the expected shape"
        }
    }
}
