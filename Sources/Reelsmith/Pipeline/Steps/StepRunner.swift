import Foundation
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// Runs a job's stages: marks each in the jobs table, stops at its checkpoint when the job is
/// cancelled, times it, and reads its product back when its files prove it finished.
struct StepRunner: Sendable {
    package let context: JobContext
    package let timings: StageClock
    package let progress: (@Sendable (Stage, Double) -> Void)?

    package func run<Step: JobStep>(_ step: Step) async throws -> Step.Product {
        try checkpoint(Step.stage)
        let proof = step.proof
        return try await timings.measure(Step.stage, reused: !proof.isEmpty && context.exists(proof)) {
            try await step.make()
        } reuse: {
            try step.reuse()
        }
    }

    /// Marks the stage about to run in the jobs table and stops here if the task was cancelled.
    package func checkpoint(_ stage: Stage) throws {
        try Task.checkCancellation()
        progress?(stage, 0)
        try context.pipeline.index.updateJob(id: context.id) { $0.stage = stage.rawValue }
    }

    /// Runs two branches at once; the first failure cancels the other (a voice that fails stops
    /// the paid pictures).
    package static func both<First: Sendable, Second: Sendable>(
        _ first: @escaping @Sendable () async throws -> First, _ second: @escaping @Sendable () async throws -> Second
    ) async throws -> (First, Second) {
        try await withThrowingTaskGroup(of: Branch<First, Second>.self) { group in
            group.addTask { .first(try await first()) }
            group.addTask { .second(try await second()) }
            var made: (First?, Second?) = (nil, nil)
            for try await branch in group {
                switch branch {
                case .first(let value): made.0 = value
                case .second(let value): made.1 = value
                }
            }
            guard let one = made.0, let two = made.1 else { throw CancellationError() }
            return (one, two)
        }
    }
}

/// What one of two concurrent branches gave back.
private enum Branch<First: Sendable, Second: Sendable>: Sendable {
    case first(First)
    case second(Second)
}
