import ArgumentParser

@main
struct ReelsmithCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reelsmith",
        abstract: "Turns a folder into a short-video studio: requests in inbox/, finished videos in outbox/.",
        subcommands: [ProcessCommand.self, NichesCommand.self, InsightsCommand.self, BenchCommand.self, DoctorCommand.self]
    )
}
