import Foundation

/// A broken file under `templates/`.
enum TemplateError: Error, CustomStringConvertible {
    case invalid(file: String, detail: String)
    case incomplete(file: String)
    case missingGeneric(folder: String)

    package var description: String {
        switch self {
        case .invalid(let file, let detail):
            "\(file): this script template cannot be read (\(detail)) — compare it with templates/scripts/en/generic.yaml"
        case .incomplete(let file):
            "\(file): the template needs at least one title, description and point, and every tone at least one hook and one call to action — add them"
        case .missingGeneric(let folder):
            "\(folder)/generic.yaml is missing: it is the fallback for niches without a template — restore it from the repository"
        }
    }
}
