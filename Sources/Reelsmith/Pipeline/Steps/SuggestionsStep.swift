import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// The report's suggestions (DESIGN §2, step 7): from the script's weak criteria and the learning
/// index's insights. The reports (niches, insights, dashboard) are refreshed once the video is
/// published.
struct SuggestionsStep: JobStep {
    package static let stage = Stage.report
    package let context: JobContext
    package let score: ViralityScore
    var proof: [String] { [] }

    package func make() async throws -> [String] {
        let insights = try context.pipeline.index.insights()
        return ImprovementAdvice.suggestions(for: score, insights: insights, language: context.request.language)
    }

    package func reuse() throws -> [String] { [] }
}
