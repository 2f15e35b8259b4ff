import ArgumentParser
import Reelsmith
import ReelsmithCLI
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

@main
struct ReelsmithCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reelsmith",
        abstract: "Turns a folder into a short-video studio: requests in inbox/, finished videos in outbox/.",
        version: ReelsmithVersion.current,
        subcommands: [
            InitCommand.self, WatchCommand.self, ProcessCommand.self, StatusCommand.self, NichesCommand.self,
            InsightsCommand.self, LibraryCommand.self, DoctorCommand.self, BenchCommand.self, CheckCommand.self,
            SchemaCommand.self, NewCommand.self,
        ]
    )

    /// Runs the command, then closes the HTTP client's connections and event loops (whatever the
    /// outcome), so that nothing of it is left running when the program exits.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            await HTTPTransfers.shutdown()
            exit(withError: error)
        }
        await HTTPTransfers.shutdown()
    }
}
