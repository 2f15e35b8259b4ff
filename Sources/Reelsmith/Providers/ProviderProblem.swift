/// A problem and its fix, before it is placed (at a settings line, or on a provider and stage).
struct ProviderProblem: Error, Sendable, Equatable {
    var problem: String
    var fix: String
}
