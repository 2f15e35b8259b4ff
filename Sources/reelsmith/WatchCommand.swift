import ArgumentParser
import Foundation
import Logging
import Reelsmith
import ReelsmithCLI
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Run the inbox daemon: every file dropped into inbox/ is processed once, however it lands.",
        discussion: """
            Runs in the foreground with structured logs on stderr (a systemd user service: see README). \
            SIGTERM or Ctrl-C stops taking files, stops running work at a checkpoint and exits 0; the next \
            start resumes it.
            """
    )

    @OptionGroup var options: WorkspaceOptions

    @Option(name: .long, help: "The inbox folder (default: ROOT/inbox).")
    var inbox: String?

    @Option(name: .long, help: "Seconds a file's size and mtime must stay unchanged before it is taken (default 1).")
    var settle: Double?

    @Option(name: .long, help: "Seconds between full scans of the inbox; inotify is only a hint (default 120).")
    var rescan: Double?

    @Option(name: .long, help: "Renders running at once; CPU-heavy, 1 suits 2 cores (default 1).")
    var renders: Int?

    func validate() throws {
        if let settle, !(0.05...600).contains(settle) {
            throw ValidationError("--settle must be between 0.05 and 600 seconds")
        }
        if let rescan, rescan < 1 { throw ValidationError("--rescan must be at least 1 second") }
        if let renders, !(1...16).contains(renders) { throw ValidationError("--renders must be between 1 and 16") }
    }

    func run() async throws {
        Log.bootstrap(defaultLevel: .info)
        // Past a file-size limit a write must fail with EFBIG (the job then waits for space),
        // not kill the daemon (SIGXFSZ's default); ffmpeg inherits it.
        signal(SIGXFSZ, SIG_IGN)
        var workspace = options.workspace
        if let inbox { workspace.inbox = URL(fileURLWithPath: inbox).standardizedFileURL }
        let index = try LearningIndex(url: workspace.indexFile)
        let configuration = try options.configuration()
        var settings = configuration.watch
        settings.settleSeconds = settle ?? settings.settleSeconds
        settings.rescanSeconds = rescan ?? settings.rescanSeconds
        settings.renderConcurrency = renders ?? settings.renderConcurrency
        let generation = GenerationPipeline(workspace: workspace, configuration: configuration, index: index)
        let daemon = InboxDaemon(processor: InboxProcessor(generation: generation), settings: settings)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await daemon.run() }
            group.addTask {
                let signal = await ShutdownSignal.wait(forcedExitAfterSeconds: 8) {
                    Log.watch.warning(
                        "a file was still being read after 8 s; stopped anyway, it runs again at the next start")
                }
                Log.watch.info("stopping", metadata: ["signal": "\(signal)"])
                throw CancellationError()
            }
            do {
                try await group.next()
            } catch is CancellationError {
            }
            group.cancelAll()
            try? await group.waitForAll()
        }
    }
}
