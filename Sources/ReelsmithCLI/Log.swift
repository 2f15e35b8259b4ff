import Foundation
import Logging
import Reelsmith
import ReelsmithCore

/// Structured logs to stderr; `REELSMITH_LOG=debug` shows more.
package enum Log {
    package static let watch = Logger(label: "reelsmith.watch")

    package static func bootstrap(defaultLevel: Logger.Level = .warning) {
        let level =
            ProcessInfo.processInfo.environment["REELSMITH_LOG"].flatMap(Logger.Level.init(rawValue:)) ?? defaultLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
