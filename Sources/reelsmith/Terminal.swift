import Foundation
import Reelsmith
import ReelsmithCLI
import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

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

extension Terminal {
    /// `text` broken at spaces into lines of at most `width` columns, the lines after the first
    /// indented by `indent`; a word longer than a line is cut.
    static func wrap(_ text: String, width: Int = 80, indent: String = "    ") -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { wrapLine(String($0), width: width, indent: indent) }.joined(separator: "\n" + indent)
    }

    private static func wrapLine(_ text: String, width: Int, indent: String) -> String {
        // The line's own leading spaces start its first line.
        let leading = String(text.prefix { $0 == " " })
        var lines: [String] = []
        var line = leading
        func prefix() -> String { lines.isEmpty ? "" : indent }
        for word in text.dropFirst(leading.count).split(separator: " ") {
            if line.count > leading.count || !lines.isEmpty, !line.isEmpty,
                prefix().count + line.count + 1 + word.count > width
            {
                lines.append(prefix() + line)
                line = ""
            }
            line += line.isEmpty || line == leading && lines.isEmpty ? String(word) : " " + word
            while prefix().count + line.count > width {
                let room = width - prefix().count
                lines.append(prefix() + line.prefix(room))
                line = String(line.dropFirst(room))
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(prefix() + line) }
        return lines.joined(separator: "\n")
    }
}
