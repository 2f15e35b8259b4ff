/// A problem and its fix, before it is placed (at a settings line, or on a provider and stage).
package struct ProviderProblem: Error, Sendable, Equatable {
    package var problem: String
    package var fix: String
}
