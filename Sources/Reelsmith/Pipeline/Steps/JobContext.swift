import Foundation
import Logging

/// What every stage of one job reads: the request, its staging folder, the pipeline's tools and
/// index, the templates and the job's engines.
struct JobContext: Sendable {
    let id: String
    let request: GenerationRequest
    let staging: URL
    let pipeline: GenerationPipeline
    let templates: TemplateLibrary
    let engines: JobEngines
    let logger: Logger

    /// The request's template (its niche's, else the generic one) in its language.
    var template: ScriptTemplate { templates.template(niche: request.niche, language: request.language) }

    func file(_ name: String) -> URL { staging.appendingPathComponent(name) }

    func exists(_ names: [String]) -> Bool {
        names.allSatisfy { FileManager.default.fileExists(atPath: file($0).path) }
    }
}
