import Foundation
import Reelsmith

/// Everything that prints for a person at a terminal.
enum Terminal {
    static var isInteractive: Bool { isatty(STDERR_FILENO) != 0 }

    static func progress(stage: Stage, fraction: Double) {
        guard isInteractive else { return }
        let percent = stage == .render ? String(format: " %3.0f%%", fraction * 100) : ""
        FileHandle.standardError.write(Data("\r\u{1B}[K\(stage.rawValue)\(percent)".utf8))
    }

    static func clearLine() {
        guard isInteractive else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    }

    static func warning(_ message: String) {
        FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
    }
}
