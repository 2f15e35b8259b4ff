import ArgumentParser
import Foundation
import Reelsmith
import ReelsmithCLI
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check that ffmpeg, espeak-ng, fonts, the templates and each configured provider are ready.")

    @OptionGroup var options: WorkspaceOptions

    func run() async throws {
        let configuration = try options.configuration()
        let checks = await Doctor(
            workspace: options.workspace, tools: configuration.tools, providers: configuration.providers,
            engines: configuration.engines
        ).run()
        for check in checks { print("\(check.isOK ? "ok  " : "FAIL") \(check.name): \(check.detail)") }
        if checks.contains(where: { !$0.isOK }) { throw ExitCode(1) }
    }
}
