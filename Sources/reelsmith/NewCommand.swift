import ArgumentParser
import Foundation
import Reelsmith
import ReelsmithCLI
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Print a commented file to start from: `reelsmith new request > inbox/requests/mine.yaml`.",
        subcommands: [NewRequestCommand.self]
    )
}

struct NewRequestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request", abstract: "Print a request with every key, its range and its default.")

    @Option(name: .long, help: "The niche (default: motivation).")
    var niche = "motivation"

    @Option(name: .long, help: "fr or en (default: en).")
    var language: String = "en"

    func validate() throws {
        guard Language(rawValue: language.lowercased()) != nil else {
            throw ValidationError(
                "--language must be one of \(Language.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard !niche.trimmingCharacters(in: .whitespaces).isEmpty, !niche.contains("/"), niche.count <= 60 else {
            throw ValidationError("--niche must be a name of at most 60 characters without `/`, e.g. --niche fitness")
        }
    }

    func run() {
        print(
            RequestTemplate(niche: niche, language: Language(rawValue: language.lowercased()) ?? .en).text,
            terminator: "")
    }
}
