import ArgumentParser
import Foundation
import Reelsmith
import ReelsmithCore

/// Where the project folders are; shared by every command.
package struct WorkspaceOptions: ParsableArguments {
    package init() {}

    @Option(name: .long, help: "The project folder holding inbox/, outbox/ and templates/.")
    package var root: String = "."

    @Option(name: .long, help: "The outbox folder (default: ROOT/outbox).")
    package var outbox: String?

    @Option(name: .long, help: "The templates folder (default: ROOT/templates).")
    package var templates: String?

    @Option(name: .long, help: "The state folder holding the learning index and staging (default: ROOT/.reelsmith).")
    package var state: String?

    @Option(name: .long, help: "The settings file (default: ROOT/reelsmith.yaml, optional).")
    package var config: String?

    /// The settings: the file if there is one, then the environment.
    package func configuration() throws -> Configuration {
        let file =
            config.map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: root).appendingPathComponent(Configuration.fileName)
        if config != nil, !FileManager.default.fileExists(atPath: file.path) {
            throw ValidationError("no settings file at \(file.path)")
        }
        return try Configuration.load(file: file)
    }

    package var workspace: Workspace {
        func url(_ path: String?) -> URL? { path.map { URL(fileURLWithPath: $0).standardizedFileURL } }
        return Workspace(
            root: URL(fileURLWithPath: root).standardizedFileURL, outbox: url(outbox), templates: url(templates),
            state: url(state))
    }
}
