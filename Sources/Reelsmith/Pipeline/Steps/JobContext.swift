import Foundation
import Logging
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// What every stage of one job reads: the request, its staging folder, the pipeline's tools and
/// index, the templates and the job's engines.
package struct JobContext: Sendable {
    package let id: String
    package let request: GenerationRequest
    package let staging: URL
    package let pipeline: GenerationPipeline
    package let templates: TemplateLibrary
    package let engines: JobEngines
    package let logger: Logger

    /// The request's template (its niche's, else the generic one) in its language.
    package var template: ScriptTemplate { templates.template(niche: request.niche, language: request.language) }

    package func file(_ name: String) -> URL { staging.appendingPathComponent(name) }

    package func exists(_ names: [String]) -> Bool {
        names.allSatisfy { FileManager.default.fileExists(atPath: file($0).path) }
    }
}
