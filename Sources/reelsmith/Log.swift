import Foundation
import Logging

/// Structured logs to stderr; `REELSMITH_LOG=debug` shows more.
enum Log {
    static func bootstrap() {
        let level = ProcessInfo.processInfo.environment["REELSMITH_LOG"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
