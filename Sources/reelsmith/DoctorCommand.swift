import ArgumentParser
import Foundation
import Reelsmith

struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor", abstract: "Check that ffmpeg, espeak-ng, fonts and the templates are ready.")

    @OptionGroup var options: WorkspaceOptions

    func run() async throws {
        let checks = await Doctor(workspace: options.workspace, tools: try options.configuration().tools).run()
        for check in checks { print("\(check.isOK ? "ok  " : "FAIL") \(check.name): \(check.detail)") }
        if checks.contains(where: { !$0.isOK }) { throw ExitCode(1) }
    }
}
