import Foundation
import Logging

/// Structured logs to stderr; `REELSMITH_LOG=debug` shows more.
enum Log {
    static let watch = Logger(label: "reelsmith.watch")

    static func bootstrap(defaultLevel: Logger.Level = .warning) {
        let level = ProcessInfo.processInfo.environment["REELSMITH_LOG"].flatMap(Logger.Level.init(rawValue:)) ?? defaultLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
