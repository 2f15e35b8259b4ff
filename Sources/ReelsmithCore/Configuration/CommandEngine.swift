import Foundation

/// `{command: [piper, --model, fr.onnx, --output_file, "{out}"]}`: a local program, run without a
/// shell, `{out}` (and for images `{prompt}`) replaced inside its arguments.
package struct CommandEngine: Sendable, Equatable, Codable {
    package var arguments: [String]
    package var timeoutSeconds: Double
    /// The folder the program runs in: the one holding `reelsmith.yaml`, so a model named by a
    /// relative path (`--model fr_FR-siwis-medium.onnx`) is found there. Not a setting.
    package var folder: String?

    package init(arguments: [String], timeoutSeconds: Double = 300) {
        self.arguments = arguments
        self.timeoutSeconds = timeoutSeconds
    }

    enum CodingKeys: String, CodingKey {
        case arguments = "command"
        case timeoutSeconds = "timeout_seconds"
        case folder
    }

    /// The program's name, for reports and messages.
    package var program: String { arguments.first.map { ($0 as NSString).lastPathComponent } ?? "" }
}
