import Logging
import ReelsmithCore
import ReelsmithLearning
import ReelsmithMedia

/// One stage's engines: the one the settings chose and the offline one it hands over to when it
/// fails for good under `on_failure: offline`. When the settings chose offline, both are the same
/// engine. The one helper every stage falls back through (STYLE rule 21).
package struct StageEngine<Engine: Sendable>: Sendable {
    package let stage: EngineStage
    package let chosen: Engine
    /// How reports name the chosen engine (`offline`, `provider/model`, `command:program`).
    package let label: String
    package let offline: Engine
    package let onFailure: EngineSettings.FailurePolicy
    /// Whether the settings chose the offline engine.
    package let isOffline: Bool

    /// The offline engine alone.
    package init(offline engine: Engine, stage: EngineStage, label: String = EngineLabel.offline) {
        self.stage = stage
        chosen = engine
        offline = engine
        self.label = label
        onFailure = .offline
        isOffline = true
    }

    package init(
        _ stage: EngineStage, chosen: Engine, label: String, offline: Engine, onFailure: EngineSettings.FailurePolicy
    ) {
        self.stage = stage
        self.chosen = chosen
        self.label = label
        self.offline = offline
        self.onFailure = onFailure
        isOffline = false
    }

    /// What an engine made, and which engine made it.
    package struct Made<Value: Sendable>: Sendable {
        package var value: Value
        /// The chosen engine's label, or `offline (fallback: problem)`.
        package var engine: String
        /// Why the offline engine ran instead of the chosen one; nil when the chosen one made it.
        package var fallback: String?
        /// Whether a provider or a program made it (not an offline engine).
        package var isChosen: Bool
    }

    /// Runs `body` with the chosen engine; when that fails for good (a provider's or a program's
    /// ``FallbackCause``) and `on_failure` is `offline`, runs it again with the offline engine.
    package func run<Value: Sendable>(logger: Logger, _ body: (Engine) async throws -> Value) async throws -> Made<
        Value
    > {
        guard !isOffline else {
            return Made(value: try await body(offline), engine: label, fallback: nil, isChosen: false)
        }
        do {
            return Made(value: try await body(chosen), engine: label, fallback: nil, isChosen: true)
        } catch let cause as any FallbackCause where onFailure == .offline {
            logger.warning(
                "engine failed, using the offline one", metadata: ["stage": "\(stage)", "error": "\(cause)"])
            return Made(
                value: try await body(offline), engine: EngineLabel.fallback(cause.problem), fallback: cause.problem,
                isChosen: false)
        }
    }
}

/// A failure that `on_failure: offline` answers with the offline engine: a provider's or a
/// command engine's.
protocol FallbackCause: Error {
    var problem: String { get }
}

extension ProviderError: FallbackCause {}
extension CommandRun.Failure: FallbackCause {}
